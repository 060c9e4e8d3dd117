using ReDo.Pure;
using ReDo.Pure.Config;
using ReDo.Shell.Cli;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>Bad keys, types and values are refused with the key named (every shipped config loads: ShippedConfigLoadingExamples).</summary>
public class ConfigExamples
{
    static string Configs => Path.Combine(RepoRoot.Find(), "configs");

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
        var c = ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn-redo.json"), ["Agent:ReplayRatio=2", "Redo:Tau=0.025", "Run:Seed=4"], TestDisk.Files);
        Assert.Equal((2.0, 0.025, 4), (c.Dqn.ReplayRatio, c.Redo.Tau, c.Run.Seed));
    }

    [Theory]
    [InlineData("Agent:ReplayRato=2", "ReplayRato")]
    [InlineData("Redo:Enabeld=true", "Enabeld")]
    [InlineData("Agent:ReplayRatio=fast", "Agent:ReplayRatio")]
    [InlineData("Run:Frames=-5", "Run:Frames")]
    [InlineData("Run:Frames=3000000000", "Run:Frames = 3000000000: allowed 1 … 2147483647")]   // TensorBoard steps are 32-bit
    [InlineData("Agent:ReplayRatio=0.3", "Agent:ReplayRatio")]
    [InlineData("Run:Game=pong", "Run:Game")]
    [InlineData("Redo:Mapping=HWC", "Redo:Mapping")]
    [InlineData("Agent:Network=nature", "84×84")]
    [InlineData("Agent:Augment=crop", "Agent:Augment")]
    [InlineData("Agent:IntensityNoise=0.05", "Agent:Augment = shift")]
    [InlineData("Agent:IntensityNoise=0.3", "Agent:IntensityNoise")]
    [InlineData("NoEquals", "Section:Key=value")]
    public void Bad_overrides_are_refused_naming_the_key(string set, string named)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), [set], TestDisk.Files));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void A_misspelt_key_is_named_with_a_suggestion_wherever_it_was_written()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), ["Run:Gmae=asterix"], TestDisk.Files));
        Assert.Contains("unknown key Run:Gmae — did you mean Run:Game? (given with --set)", e.Message);
        var path = Path.Combine(Path.GetTempPath(), $"typo-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Run": { "Gmae": "asterix", "Frames": 10 }, "Agnet": { "BatchSize": 8 }, "Reset": { "Layers": ["Dense_0"] }, "Colour": 3 }""");
        try
        {
            var message = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, [], TestDisk.Files)).Message;
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
        try { Assert.Contains(path, Assert.Throws<ConfigException>(() => ConfigLoader.Load(path, [], TestDisk.Files)).Message); }
        finally { File.Delete(path); }
        Assert.Contains("does not exist", Assert.Throws<ConfigException>(() => ConfigLoader.Load("/nonexistent/x.json", [], TestDisk.Files)).Message);
    }

    [Fact]
    public void Every_mujoco_task_has_its_sac_baseline_redo_reset_and_weight_decay_config_and_ant_its_widths()
    {
        foreach (var task in new[] { "halfcheetah", "hopper", "walker2d", "ant" })
            foreach (var variant in new[] { "", "-redo", "-reset", "-wd" })
                Assert.True(File.Exists(Path.Combine(Configs, $"mujoco-{task}-sac{variant}.json")), $"{task}{variant}");
        foreach (var variant in new[] { "sac", "sac-redo" })
            foreach (var width in new[] { "0.25", "0.5" })
                Assert.Equal(double.Parse(width, System.Globalization.CultureInfo.InvariantCulture),
                    ConfigLoader.Load(Path.Combine(Configs, $"mujoco-ant-{variant}-width{width}.json"), [], TestDisk.Files).Sac.WidthMultiplier);
    }

    [Fact]
    public void The_shipped_sac_configs_hold_the_paper_s_settings()
    {
        // Paper Table 4 as docs/specs/redo-algorithm.md §6.4 reconstructs it from TF-Agents sac_train_eval: every knob, and ReDo τ = 0, F = 200,000; Reset every 200,000 environment steps.
        var c = ConfigLoader.Load(Path.Combine(Configs, "mujoco-ant-sac-redo.json"), [], TestDisk.Files);
        var s = c.Sac;
        Assert.Equal((AgentKind.Sac, "ant", 1_000_000L), (c.Agent.Kind, c.Run.Game.Name, c.Run.Frames));
        Assert.Equal((1.0, 3e-4, 3e-4, 3e-4, 0.99, 0.005, 0.1), (s.WidthMultiplier, s.ActorLearningRate, s.CriticLearningRate, s.AlphaLearningRate, s.Discount, s.TargetSmoothing, s.RewardScale));
        Assert.Equal((256, 1_000_000, 10_000, 1.0, 10_000L, 30), (s.BatchSize, s.ReplayCapacity, s.InitialRandomSteps, s.ReplayRatio, s.EvalPeriod, s.EvalEpisodes));
        Assert.Equal((true, 0.0, 200_000L), (c.Redo.Enabled, c.Redo.Tau, c.Redo.Period));
        var reset = ConfigLoader.Load(Path.Combine(Configs, "mujoco-ant-sac-reset.json"), [], TestDisk.Files).Reset;
        Assert.Equal((true, 200_000L), (reset.Enabled, reset.Period));
        Assert.Equal(["Dense_0", "Dense_1", "final_layer"], reset.Layers);
        Assert.Equal(1e-5, ConfigLoader.Load(Path.Combine(Configs, "mujoco-ant-sac-wd.json"), [], TestDisk.Files).Sac.WeightDecay);
    }

    [Theory]
    [InlineData("minatar-breakout-dqn.json", "Agent:Kind=ppo", "Agent:Kind = ppo: allowed one of dqn, sac")]
    [InlineData("minatar-breakout-dqn.json", "Run:Game=hopper", "MuJoCo tasks need Agent:Kind = sac")]
    [InlineData("mujoco-hopper-sac.json", "Run:Game=breakout", "MinAtar games need Agent:Kind = dqn")]
    [InlineData("mujoco-hopper-sac.json", "Run:Game=swimmer", "halfcheetah, hopper, walker2d, ant, humanoid, inverted_pendulum")]
    [InlineData("mujoco-hopper-sac.json", "Sac:ReplayRatio=0.3", "Sac:ReplayRatio")]
    [InlineData("mujoco-hopper-sac.json", "Sac:BatchSize=0", "Sac:BatchSize")]
    [InlineData("mujoco-hopper-sac.json", "Sac:ReplayCapacity=100", "Sac:ReplayCapacity = 100: allowed ≥ Sac:BatchSize (256)")]
    [InlineData("mujoco-hopper-sac.json", "Sac:WidthMultiplier=0", "Sac:WidthMultiplier")]
    [InlineData("mujoco-hopper-sac.json", "Sac:TargetSmoothing=0", "Sac:TargetSmoothing")]
    [InlineData("mujoco-hopper-sac.json", "Sac:RewardScale=-1", "Sac:RewardScale")]
    [InlineData("mujoco-hopper-sac.json", "Sac:EvalEpisodes=0", "Sac:EvalEpisodes")]
    [InlineData("mujoco-hopper-sac.json", "Sac:InitialRandomSteps=-1", "Sac:InitialRandomSteps")]
    [InlineData("mujoco-hopper-sac.json", "Reset:Layers:1=Dense_9", "Reset:Layers")]
    [InlineData("mujoco-hopper-sac.json", "Sac:BachSize=64", "did you mean Sac:BatchSize?")]
    [InlineData("mujoco-hopper-sac-redo.json", "Reset:Enabled=true", "Reset:Enabled")]
    public void Bad_sac_settings_are_refused_naming_the_key(string file, string set, string named)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(Configs, file), [set], TestDisk.Files));
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void A_run_folder_config_written_before_the_agent_kind_existed_is_the_same_run()
    {
        // config.json of runs started before Agent:Kind and section Sac existed: a worker must resume them, not refuse them.
        var config = ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), [], TestDisk.Files);
        var json = System.Text.Json.Nodes.JsonNode.Parse(ConfigLoader.ToJson(config))!.AsObject();
        json.Remove("Sac");
        json["Agent"]!.AsObject().Remove("Kind");
        Assert.True(ReDo.Shell.Runs.SpecRunner.SameRun(json.ToJsonString(), "config.json", config));
        json["Run"]!["Seed"] = 7;
        Assert.False(ReDo.Shell.Runs.SpecRunner.SameRun(json.ToJsonString(), "config.json", config));
    }
}
