using ReDo.MinAtar;
using Xunit;
using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.Properties.Examples.MinAtar;

/// <summary>Wrapper rules of docs/specs/minatar-spec.md §2 and §10.1 and a few fixed facts of its §4–§8.</summary>
public class WrapperExamples
{
    [Fact]
    public void Sticky_draw_happens_with_probability_zero_and_on_a_terminal_game()
    {
        var env = MinAtarEnvironment.Create(GameId.Breakout, 3, new EnvironmentOptions(0.0));
        while (!env.Act(GameAction.Noop).Terminal) { }
        var before = env.Capture().Random.Position;
        Assert.Equal(new StepResult(0, true), env.Act(GameAction.Left));
        Assert.Equal((before + 2) % 624, env.Capture().Random.Position % 624);
    }

    [Fact]
    public void Last_action_survives_reset_and_is_replayed_when_sticky()
    {
        var env = MinAtarEnvironment.Create(GameId.SpaceInvaders, 0, new EnvironmentOptions(1.0));
        Assert.Equal(GameAction.Noop, env.LastAction);
        var start = Cannon(env);
        env.Act(GameAction.Left); // always sticky: executes the initial no-op
        Assert.Equal(start, Cannon(env));

        var moving = MinAtarEnvironment.Create(GameId.SpaceInvaders, 0, new EnvironmentOptions(0.0));
        moving.Act(GameAction.Left);
        moving.Reset();
        Assert.Equal(GameAction.Left, moving.LastAction);
    }

    static int Cannon(MinAtarEnvironment env)
    {
        var planes = new ObservationPlanes();
        env.Render(ref planes);
        return Enumerable.Range(0, 10).Single(x => planes.Get(0, x, 9));
    }

    [Fact]
    public void Seeded_protocol_shares_one_stream_between_wrapper_and_game()
    {
        // Breakout's reset is the first consumer: seed 0 → randint(2) = 0 → ball in column 0 (docs/specs/numpy-randomstate.md §7.5).
        var env = MinAtarEnvironment.Create(GameId.Breakout, 0);
        var planes = new ObservationPlanes();
        env.Render(ref planes);
        Assert.True(planes.Get(1, 0, 3));
        var expected = new RandomState(0);
        expected.RandInt(2);
        Assert.Equal(expected.Capture(), env.Capture().Random);
    }

    [Fact]
    public void Asterix_reset_matches_the_spec_example()
    {
        var packed = new byte[50];
        MinAtarEnvironment.Create(GameId.Asterix, 0).WritePackedState(packed);
        Assert.Equal(0x08, packed[27]);
        Assert.Equal(1, packed.Count(b => b != 0));
    }

    [Fact]
    public void Freeway_episodes_last_2501_steps()
    {
        var env = MinAtarEnvironment.Create(GameId.Freeway, 5);
        var steps = 1;
        while (!env.Act(GameAction.Up).Terminal) steps++;
        Assert.Equal(2501, steps);
    }

    [Fact]
    public void Difficulty_ramp_is_null_for_breakout_and_freeway()
    {
        Assert.Null(MinAtarEnvironment.Create(GameId.Breakout, 0).DifficultyRamp);
        Assert.Null(MinAtarEnvironment.Create(GameId.Freeway, 0).DifficultyRamp);
        Assert.Equal(0, MinAtarEnvironment.Create(GameId.Seaquest, 0).DifficultyRamp);
    }

    [Fact]
    public void Actions_outside_the_active_set_are_rejected()
    {
        var env = MinAtarEnvironment.Create(GameId.Breakout, 0, new EnvironmentOptions(MinimalActionSet: true));
        Assert.Equal(3, env.ActionCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Act(3));
    }

    [Fact]
    public void Restoring_a_snapshot_of_another_game_is_refused()
    {
        var snapshot = MinAtarEnvironment.Create(GameId.Breakout, 0).Capture();
        var e = Assert.Throws<ArgumentException>(() => MinAtarEnvironment.Create(GameId.Asterix, 0).Restore(snapshot));
        Assert.Contains("breakout", e.Message);
    }
}
