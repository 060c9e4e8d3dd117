using ReDo.Properties.Readme;
using ReDo.Shell.Cli;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Agents;

/// <summary>Every shipped config validates; bad keys, types and values are refused with the key named.</summary>
public class ConfigTests
{
    static string Configs => Path.Combine(ReadmeTests.RepoRoot(), "configs");

    public static TheoryData<string> ShippedConfigs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(ReadmeTests.RepoRoot(), "configs"), "*.json").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedConfigs))]
    public void Shipped_configs_validate(string file) => ConfigLoader.Load(Path.Combine(Configs, file), []);

    [Fact]
    public void Every_game_has_its_baseline_redo_reset_and_weight_decay_config()
    {
        foreach (var game in new[] { "asterix", "breakout", "freeway", "seaquest", "space_invaders" })
            foreach (var variant in new[] { "", "-redo", "-reset", "-wd" })
                Assert.True(File.Exists(Path.Combine(Configs, $"minatar-{game}-dqn{variant}.json")), $"{game}{variant}");
        foreach (var game in new[] { "asterix", "breakout", "freeway", "seaquest", "space_invaders" })
            foreach (var variant in new[] { "", "-redo" })
                Assert.True(File.Exists(Path.Combine(Configs, $"minatar-{game}-drq{variant}.json")), $"{game} drq{variant}");
    }

    [Fact]
    public void Overrides_apply()
    {
        var c = ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn-redo.json"), ["Agent:ReplayRatio=2", "Redo:Tau=0.025", "Run:Seed=4"]);
        Assert.Equal((2.0, 0.025, 4), (c.Agent.ReplayRatio, c.Redo.Tau, c.Run.Seed));
    }

    [Theory]
    [InlineData("Agent:ReplayRato=2", "ReplayRato")]
    [InlineData("Redo:Enabeld=true", "Enabeld")]
    [InlineData("Agent:ReplayRatio=fast", "Agent:ReplayRatio")]
    [InlineData("Run:Frames=-5", "Run:Frames")]
    [InlineData("Agent:ReplayRatio=0.3", "Agent:ReplayRatio")]
    [InlineData("Run:Game=pong", "Run:Game")]
    [InlineData("Redo:Mapping=HWC", "Redo:Mapping")]
    [InlineData("Agent:Network=nature", "84×84")]
    [InlineData("Agent:Augment=crop", "Agent:Augment")]
    [InlineData("NoEquals", "Section:Key=value")]
    public void Bad_overrides_are_refused_naming_the_key(string set, string named)
    {
        var e = Assert.Throws<CliError>(() => ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), [set]));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void A_misspelt_key_is_named_with_a_suggestion_wherever_it_was_written()
    {
        var e = Assert.Throws<CliError>(() => ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), ["Run:Gmae=asterix"]));
        Assert.Contains("unknown key Run:Gmae — did you mean Run:Game? (given with --set)", e.Message);
        var path = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Run": { "Gmae": "asterix", "Frames": 10 }, "Agnet": { "BatchSize": 8 }, "Reset": { "Layers": ["Dense_0"] }, "Colour": 3 }""");
        try
        {
            var message = Assert.Throws<CliError>(() => ConfigLoader.Load(path, [])).Message;
            Assert.StartsWith(path + ": ", message);
            foreach (var part in new[] { "unknown key Run:Gmae — did you mean Run:Game?", "unknown key Agnet:BatchSize — did you mean Agent:BatchSize?", "unknown key Colour", "docs/configuration.md" })
                Assert.Contains(part, message);
            Assert.DoesNotContain("--set", message);
            Assert.DoesNotContain("Reset", message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Malformed_and_missing_files_are_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"Run\": { \"Frames\": 10, }");
        try { Assert.Contains(path, Assert.Throws<CliError>(() => ConfigLoader.Load(path, [])).Message); }
        finally { File.Delete(path); }
        Assert.Contains("does not exist", Assert.Throws<CliError>(() => ConfigLoader.Load("/nonexistent/x.json", [])).Message);
    }
}
