using ReDo.MinAtar;
using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Games;
using ReDo.Pure.Networks;
using ReDo.Shell.Config;
using ReDo.Shell.Environments;
using Xunit;

namespace ReDo.Properties.Examples.Games;

/// <summary>
/// The game cycle as the runner drives it: each game's frames are the plain game's (seeded Run:Seed + k),
/// padded to the widest game's channels with zeros; a turn's end cuts the episode; a restored cycle
/// continues frame for frame; bad Env:Cycle settings are refused naming the key.
/// </summary>
public class GameCycleTaskExamples
{
    static readonly EnvironmentOptions Options = new();
    static readonly GameCycle BreakoutThenSeaquest = new(ValueList.Of(GameId.Breakout, GameId.Seaquest), 7);

    [Fact]
    public void Each_turn_plays_the_plain_game_padded_to_ten_channels_and_the_turn_end_cuts_the_episode()
    {
        var task = new GameCycleTask(BreakoutThenSeaquest, 3, Options);
        Assert.Equal(10, task.Channels);
        Assert.Equal(6, task.ActionCount);
        var breakout = MinAtarEnvironment.Create(GameId.Breakout, 3, Options);
        var seaquest = MinAtarEnvironment.Create(GameId.Seaquest, 4, Options);
        var actions = new[] { 1, 3, 0, 5, 2, 4, 1 };
        for (int t = 0; t < 7; t++)
        {
            AssertSameFrame(breakout, task.Observe());
            var step = task.Step(actions[t]);
            var plain = breakout.Act(actions[t]);
            Assert.Equal((double)plain.Reward, step.Reward);
            Assert.Equal(plain.Terminal, step.Terminated);
            Assert.Equal(t == 6 && !plain.Terminal, step.Truncated);
            if (step.EpisodeEnded && t < 6) { task.Reset(); breakout.Reset(); }
        }
        task.Reset();
        Assert.Equal(GameId.Seaquest, task.Playing);
        seaquest.Reset();
        AssertSameFrame(seaquest, task.Observe());
    }

    [Fact]
    public void A_restored_cycle_continues_frame_for_frame()
    {
        var task = new GameCycleTask(BreakoutThenSeaquest, 9, Options);
        var random = new Random(1);
        for (int t = 0; t < 10; t++) Play(task, random.Next(6));
        var state = task.Capture();
        var copy = new GameCycleTask(BreakoutThenSeaquest, 123, Options);
        copy.Restore(state);
        for (int t = 0; t < 40; t++)
        {
            int a = random.Next(6);
            Assert.Equal(task.Observe().Bits, copy.Observe().Bits);
            Assert.Equal(Play(task, a), Play(copy, a));
        }
    }

    [Theory]
    [InlineData("breakout", 100, "at least two")]
    [InlineData("breakout,breakout", 100, "none twice")]
    [InlineData("seaquest,breakout", 100, "Run:Game first")]
    [InlineData("breakout,pong", 100, "Env:Cycle = breakout,pong")]
    [InlineData("breakout,hopper", 100, "Env:Cycle = breakout,hopper")]
    [InlineData("breakout,seaquest", 0, "Env:CyclePeriod = 0")]
    [InlineData("", 100, "Env:CyclePeriod = 100: allowed 0 without Env:Cycle")]
    public void Bad_cycle_settings_are_refused_naming_the_key(string cycle, long period, string expected)
    {
        var config = new ExperimentConfig { Agent = new DqnSettings { Env = new EnvSettings { Cycle = cycle, CyclePeriod = period } } };
        Assert.Contains(ConfigValidation.Validate(config), e => e.Contains(expected));
    }

    [Fact]
    public void An_unset_cycle_is_left_out_of_config_json_so_older_run_folders_keep_their_text()
    {
        var json = ConfigLoader.ToJson(new ExperimentConfig());
        Assert.DoesNotContain("Cycle", json);
        var cycled = ConfigLoader.ToJson(new ExperimentConfig { Agent = new DqnSettings { Env = new EnvSettings { Cycle = "breakout,seaquest", CyclePeriod = 50 } } });
        Assert.Contains("\"CyclePeriod\": 50", cycled);
        Assert.Empty(ConfigValidation.Validate(ConfigLoader.LoadJson(cycled, [], "cycled")));
    }

    [Fact]
    public void The_deep_net_is_three_valid_3x3_convolutions_then_512()
    {
        var spec = NetworkCatalog.For(NetworkProfile.MinAtarDeep, 10, 6);
        Assert.Equal(["Conv_0", "Conv_1", "Conv_2", "Dense_0", "final_layer"], spec.Layers.Select(l => l.Name));
        Assert.Equal([32, 64, 64, 512, 6], spec.Layers.Select(l => l.Neurons));
        Assert.Equal(64 * 4 * 4, spec.Layers[3].InputUnits);
        Assert.Equal([64, 128, 128, 1024], NetworkCatalog.For(NetworkProfile.MinAtarDeep, 4, 6, 2).Layers.Take(4).Select(l => l.Neurons));
    }

    static (double, bool, bool) Play(GameCycleTask task, int action)
    {
        var step = task.Step(action);
        if (step.EpisodeEnded) task.Reset();
        return (step.Reward, step.Terminated, step.Truncated);
    }

    static void AssertSameFrame(MinAtarEnvironment game, MinAtarObservation padded)
    {
        var planes = new float[ObservationLayout.FloatCount(game.Channels)];
        game.WriteObservation(planes);
        Assert.Equal(planes, padded.Planes[..planes.Length]);
        Assert.All(padded.Planes[planes.Length..], x => Assert.Equal(0f, x));
        var bits = new byte[ObservationLayout.ByteCount(game.Channels)];
        game.WriteObservationBits(bits);
        Assert.Equal(bits, padded.Bits[..bits.Length]);
        Assert.All(padded.Bits[bits.Length..], b => Assert.Equal(0, b));
    }
}
