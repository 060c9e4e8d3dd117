using ReDo.Pure;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>A config path that is not a file is named for what it is, with the fix.</summary>
public class ConfigPathExamples
{
    [Fact]
    public void A_folder_is_named_a_folder_and_a_file_in_it_suggested()
    {
        var configs = Path.Combine(RepoRoot.Find(), "configs");
        var message = Assert.Throws<ConfigException>(() => ConfigLoader.Load(configs, [], TestDisk.Files)).Message;
        Assert.Contains($"'{configs}' is a folder, not a config file; pass one of its files, e.g. {Path.Combine(configs, "minatar-breakout-dqn.json")}", message);
        Assert.DoesNotContain("does not exist", message);
    }

    [Fact]
    public void A_missing_file_is_named_missing() =>
        Assert.Contains("config file '/nonexistent/x.json' does not exist", Assert.Throws<ConfigException>(() => ConfigLoader.Load("/nonexistent/x.json", [], TestDisk.Files)).Message);
}
