using ReDo.MinAtar;
using Xunit;
using ReDo.Shell.Traces;

namespace ReDo.Golden.MinAtar;

/// <summary>Every golden trace replays bit-exactly: rewards, terminal flags and observations.</summary>
public class TraceTests
{
    public static TheoryData<string> Traces()
    {
        var data = new TheoryData<string>();
        foreach (var name in GoldenData.TraceNames()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Trace_replays_bit_exactly(string file)
    {
        var verdict = TraceVerifier.Verify(TraceReader.Read(GoldenData.Disk, GoldenData.File(file)));
        Assert.True(verdict.Ok, TraceReport.Format(verdict));
    }

    [Fact]
    public void The_fifteen_random_policy_traces_of_spec_14_1_are_all_there()
    {
        // docs/specs/minatar-spec.md §14.1: seeds 0 and 1 with sticky 0.1 and ramping, seed 2 with neither, for each game.
        // The folder also holds the ball-tracking player's Breakout trace (§14.4), checked separately.
        var expected = GameInfo.All
            .SelectMany(g => new[] { $"{g.Name}-seed0-sticky0.1-ramp1", $"{g.Name}-seed1-sticky0.1-ramp1", $"{g.Name}-seed2-sticky0.0-ramp0" })
            .Select(n => n + ".trace").Order(StringComparer.Ordinal).ToArray();
        var randomPolicy = GoldenData.TraceNames().Where(n => !n.EndsWith("-player.trace")).ToArray();
        Assert.Equal(15, randomPolicy.Length);
        Assert.Equal(expected, randomPolicy);
    }

    [Fact]
    public void The_player_traces_exercising_refill_rescue_and_wave_clear_are_there()
    {
        // docs/specs/minatar-spec.md §14.4: Breakout brick refill; Seaquest 9 full rescues and divers = −1; Space Invaders 12 wave clears.
        var players = GoldenData.TraceNames().Where(n => n.EndsWith("-player.trace")).ToArray();
        Assert.Equal(["breakout-seed6-sticky0.0-ramp1-player.trace",
                      "seaquest-seed23-sticky0.1-ramp1-player.trace",
                      "space_invaders-seed23-sticky0.1-ramp1-player.trace"], players);
    }
}
