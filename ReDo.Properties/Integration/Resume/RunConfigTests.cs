using ReDo.Pure;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Resume;

/// <summary>A run folder's config.json reads back to the same configuration (resume and run specs rely on it), and the checkpoint keys are validated.</summary>
public class RunConfigTests
{
    [Fact]
    public void Config_json_round_trips_exactly()
    {
        var config = TinyRuns.Config() with { Reset = new ResetSettings { Layers = ["Dense_0", "final_layer"] } };
        var json = ConfigLoader.ToJson(config);
        Assert.Equal(json, ConfigLoader.ToJson(ConfigLoader.LoadJson(json, [], RunLayout.Config)));
    }

    [Theory]
    [InlineData("Run:CheckpointEvery=-1", "Run:CheckpointEvery = -1")]
    [InlineData("Run:KeepCheckpoints=0", "Run:KeepCheckpoints = 0")]
    public void Checkpoint_keys_are_validated(string set, string message)
    {
        var e = Assert.Throws<ReDo.Pure.ConfigException>(() => ConfigLoader.LoadJson(ConfigLoader.ToJson(new ExperimentConfig()), [set], "x.json"));
        Assert.Contains(message, e.Message);
    }
}
