using ReDo.MinAtar;
using ReDo.Pure;
using ReDo.Pure.Config;
using ReDo.Pure.Control;
using ReDo.Pure.Games;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using ReDo.Shell.Cli;
using ReDo.Shell.Config;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Examples.Config;

/// <summary>
/// Typed config: the enum keys are written by name in config.json, read back by the same names (one
/// table, <see cref="ConfigName"/>), a bad word is refused naming the valid ones, and the retired
/// Run:Device key of older config.json files still loads when it says cpu.
/// </summary>
public class TypedConfigExamples
{
    static string Configs => Path.Combine(RepoRoot.Find(), "configs");

    [Fact]
    public void Enum_keys_are_written_by_name_and_read_back_to_the_same_config()
    {
        var c = ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-drq-redo.json"),
            ["Redo:Mapping=DopamineCompat", "Reset:Redraw=Xavier", "Redo:Selection=fraction", "Redo:EndStep=1000", "Redo:ScoreType=redo_inverted", "Redo:Outgoing=RANDOM"], TestDisk.Files);
        Assert.IsType<DrqSettings>(c.Agent);
        Assert.Equal((NetworkProfile.MinAtarDueling, OptimizerKind.Adam, FlattenMapping.DopamineCompat, Redraw.Xavier),
            (c.Dqn.Network, c.Dqn.Optimizer, c.Dqn.Redo.Mapping, c.Reset.Redraw));
        Assert.Equal((RecycleSelection.Fraction, ScoreType.RedoInverted, OutgoingInit.Random), (c.Dqn.Redo.Selection, c.Dqn.Redo.ScoreType, c.Dqn.Redo.Outgoing));
        var json = ConfigLoader.ToJson(c);
        foreach (var written in new[] { "\"Network\": \"minatar-dueling\"", "\"Optimizer\": \"adam\"", "\"Augment\": \"shift\"", "\"Mapping\": \"DopamineCompat\"", "\"Redraw\": \"Xavier\"",
                     "\"Selection\": \"fraction\"", "\"ScoreType\": \"redo_inverted\"", "\"Outgoing\": \"random\"" })
            Assert.Contains(written, json);
        Assert.Equal(c, ConfigLoader.LoadJson(json, [], RunLayout.Config));
    }

    [Fact]
    public void Every_name_of_the_table_reads_back_to_its_value_in_any_case()
    {
        foreach (var p in Enum.GetValues<NetworkProfile>())
        {
            Assert.Equal(p, ConfigName.Parse<NetworkProfile>(ConfigName.Of(p)));
            Assert.Equal(p, ConfigName.Parse<NetworkProfile>(ConfigName.Of(p).ToUpperInvariant()));
        }
        Assert.Equal(["rmsprop", "adam"], ConfigName.All<OptimizerKind>());
        Assert.Equal(["dqn", "sac"], ConfigName.All<AgentKind>());
        Assert.Equal(["Profile", "TorchDefault", "XavierUniform"], ConfigName.All<AgentInit>());
        Assert.Equal(["minatar", "minatar-dueling", "minatar-deep", "nature", "nature-dueling", "mlp"], ConfigName.All<NetworkProfile>());
        Assert.Equal(["threshold", "fraction"], ConfigName.All<RecycleSelection>());
        Assert.Equal(["redo", "random", "redo_inverted", "cbp"], ConfigName.All<ScoreType>());
        Assert.Equal(["zero", "random"], ConfigName.All<OutgoingInit>());
    }

    [Theory]
    [InlineData("Agent:Kind=ppo", "Agent:Kind", "dqn, sac")]
    [InlineData("Agent:Init=he", "Agent:Init", "Profile, TorchDefault, XavierUniform")]
    [InlineData("Agent:Optimizer=sgd", "Agent:Optimizer", "rmsprop, adam")]
    [InlineData("Agent:Network=resnet", "Agent:Network", "minatar, minatar-dueling")]
    [InlineData("Agent:Augment=crop", "Agent:Augment", "none, shift")]
    [InlineData("Redo:Mapping=HWC", "Redo:Mapping", "ChannelsFirst, DopamineCompat")]
    [InlineData("Reset:Redraw=Glorot", "Reset:Redraw", "Layer, Xavier")]
    [InlineData("Agent:Network=mlp", "Agent:Network", "takes vectors")]
    [InlineData("Run:Game=pong", "Run:Game", "asterix, breakout, freeway, seaquest, space_invaders; Agent:Kind = dqn) or a MuJoCo task (halfcheetah, hopper, walker2d, ant, humanoid, inverted_pendulum")]
    [InlineData("Redo:Selection=top", "Redo:Selection", "threshold, fraction")]
    [InlineData("Redo:ScoreType=inverted", "Redo:ScoreType", "redo, random, redo_inverted, cbp")]
    [InlineData("Redo:Outgoing=xavier", "Redo:Outgoing", "zero, random")]
    public void A_bad_word_is_refused_naming_the_key_and_the_valid_words(string set, string key, string valid)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Path.Combine(Configs, "minatar-breakout-dqn.json"), [set], TestDisk.Files));
        Assert.Contains(key, e.Message);
        Assert.Contains(valid, e.Message);
    }

    [Fact]
    public void Run_game_is_one_id_over_minatar_games_and_mujoco_tasks_written_by_its_word()
    {
        Assert.Equal(["asterix", "breakout", "freeway", "seaquest", "space_invaders", "halfcheetah", "hopper", "walker2d", "ant", "humanoid", "inverted_pendulum"],
            Game.All.Select(g => g.Name));
        foreach (var g in Game.All)
        {
            Assert.Equal(g, Game.Parse(g.Name.ToUpperInvariant()));
            Assert.True(g.MinAtar is null != g.Task is null);
        }
        Assert.Equal(GameInfo.All.Select(i => i.Name), Game.All.Where(g => g.MinAtar is not null).Select(g => g.Name));
        var sac = ConfigLoader.Load(Path.Combine(Configs, "mujoco-hopper-sac.json"), ["Run:Game=inverted_pendulum"], TestDisk.Files);
        Assert.Equal(Game.Of(ControlTaskId.InvertedPendulum), sac.Run.Game);
        Assert.Contains("\"Game\": \"inverted_pendulum\"", ConfigLoader.ToJson(sac));
        Assert.Equal(sac, ConfigLoader.LoadJson(ConfigLoader.ToJson(sac), [], RunLayout.Config));
        var e = Assert.Throws<ConfigException>(() => sac.Run.Game.MinAtarGame);
        Assert.Contains("MinAtar games only", e.Message);
    }

    [Fact]
    public void An_older_config_json_with_run_device_cpu_still_loads_and_another_device_is_refused()
    {
        var json = ConfigLoader.ToJson(new ExperimentConfig()).Replace("\"Seed\": 0,", "\"Seed\": 0,\n    \"Device\": \"cpu\",");
        Assert.Contains("Device", json);
        Assert.Equal(new ExperimentConfig(), ConfigLoader.LoadJson(json, [], RunLayout.Config));
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.LoadJson(json.Replace("\"cpu\"", "\"cuda\""), [], RunLayout.Config));
        Assert.Contains("CPU only", e.Message);
        Assert.DoesNotContain("Device", ConfigLoader.ToJson(new ExperimentConfig()));
    }
}
