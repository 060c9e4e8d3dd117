using ReDo.MinAtar;
using Xunit;
using ReDo.Pure.Games;

namespace ReDo.Properties.Examples.MinAtar;

/// <summary>
/// Rules no golden trace exercises (docs/specs/minatar-spec.md §14.4), checked from hand-built states. The word layouts are
/// those of each game's Save method.
/// </summary>
public class UntracedRuleExamples
{
    static MinAtarEnvironment With(GameId game, int[] words)
    {
        var env = MinAtarEnvironment.Create(game, 0, new EnvironmentOptions(0.0));
        var s = env.Capture();
        env.Restore(s with { Game = new GameSnapshot(game, [.. words]) });
        return env;
    }

    static int[] Cells(params (int X, int Y)[] cells)
    {
        UInt128 bits = 0;
        foreach (var (x, y) in cells) bits |= Grid.Bit(x, y);
        return [.. Enumerable.Range(0, 4).Select(i => (int)(uint)(bits >> (32 * i)))];
    }

    [Fact]
    public void Space_invaders_clearing_the_wave_ramps_and_respawns_the_block()
    {
        // cannon 5, interval 12, alien move timer 5, alien shot timer 5, shot timer 3, ramp 0, moving left, not terminal;
        // the last alien at (x 5, y 7), a friendly bullet just below it, no enemy bullets.
        int[] words = [5, 12, 5, 5, 3, 0, 0, 0, .. Cells((5, 7)), .. Cells((5, 8)), .. Cells()];
        var env = With(GameId.SpaceInvaders, words);
        var result = env.Act(GameAction.Noop);
        Assert.Equal(new StepResult(1, false), result);
        Assert.Equal(1, env.DifficultyRamp);
        var planes = new ObservationPlanes();
        env.Render(ref planes);
        Assert.Equal(24, Grid.Count(planes[1]));
        Assert.Equal(Grid.Rows(0, 3) & ~(Grid.Column(0) | Grid.Column(1) | Grid.Column(8) | Grid.Column(9)), planes[1]);
        Assert.Equal(planes[1], planes[2]); // still moving left
    }

    [Fact]
    public void Seaquest_full_rescue_pays_the_oxygen_bonus_and_leaves_minus_one_divers()
    {
        // oxygen 150, 6 divers, sub at (5, 1) facing left; spawn speed 20, timers 5 and 5, move speed 5, ramp 0,
        // shot timer 0, not at the surface, not terminal; no objects.
        int[] words = [150, 6, 5, 1, 0, 20, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var env = With(GameId.Seaquest, words);
        Assert.Equal(new StepResult(150 * 10 / 200, false), env.Act(GameAction.Up));
        var words2 = env.Capture().Game.Words;
        Assert.Equal(200, words2[0]); // oxygen refilled
        Assert.Equal(-1, words2[1]);  // divers: 6 → 0 → −1 (quirk)
        Assert.Equal(1, env.DifficultyRamp);

        // Surfacing again with −1 divers is not terminal and decrements further.
        env.Act(GameAction.Down);
        Assert.Equal(new StepResult(0, false), env.Act(GameAction.Up));
        Assert.Equal(-2, env.Capture().Game.Words[1]);
    }

    [Fact]
    public void Seaquest_surfacing_with_no_divers_is_terminal()
    {
        int[] words = [150, 0, 5, 1, 0, 20, 5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(new StepResult(0, true), With(GameId.Seaquest, words).Act(GameAction.Up));
    }
}
