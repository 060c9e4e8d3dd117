using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Examples.Statistics;

/// <summary>
/// A report decides "better" / "worse" only when the run counts could support it (SeparationFloor):
/// the bootstrap alone cannot tell. With one run per game every stratified resample is the original,
/// so P(better) has a zero-width interval (0 [0, 0]) even when the two runs differ by a hair (the
/// drq-replay-ratio quick report said "worse than" on that); with two non-overlapping runs a side in
/// one game every resample keeps them apart (the replay-ratio quick report said "worse than" on
/// two Breakout seeds, where complete separation has a chance of 1 in 3).
/// </summary>
public class VerdictExamples
{
    [Fact]
    public void One_run_per_game_gives_a_zero_width_interval_and_decides_nothing()
    {
        var a = ScoreTable.Of(("breakout", [0.50]), ("space_invaders", [0.40]));
        var b = ScoreTable.Of(("breakout", [0.51]), ("space_invaders", [0.41]));
        var poi = ProbabilityOfImprovement.Interval(a, b, new BootstrapSettings());
        Assert.Equal((0.0, 0.0, 0.0), (poi.Point, poi.Lower, poi.Upper));   // looks decided, is not
        Assert.Equal(0.5, SeparationFloor.Of(a, b));                        // 2 / (2 · 2)
        Assert.False(ReportMarkdown.CanDecide(a, b));
    }

    [Fact]
    public void Two_separated_runs_a_side_in_one_game_give_a_zero_width_interval_and_decide_nothing()
    {
        var redo = ScoreTable.Of(("breakout", [0.537, 0.551]));
        var dqn = ScoreTable.Of(("breakout", [0.559, 0.630]));
        var poi = ProbabilityOfImprovement.Interval(redo, dqn, new BootstrapSettings());
        Assert.Equal((0.0, 0.0, 0.0), (poi.Point, poi.Lower, poi.Upper));
        Assert.Equal(1.0 / 3, SeparationFloor.Of(redo, dqn));              // 2 / C(4, 2)
        Assert.False(ReportMarkdown.CanDecide(redo, dqn));
    }

    [Theory]
    [InlineData(new[] { 2, 2 }, new[] { 2, 2 }, 36, false)]      // two seeds, two games: 2/36 ≈ 0.056
    [InlineData(new[] { 3 }, new[] { 3 }, 20, false)]            // 2/20 = 0.1
    [InlineData(new[] { 4 }, new[] { 4 }, 70, true)]             // 2/70 ≈ 0.029
    [InlineData(new[] { 3, 3 }, new[] { 3, 3 }, 400, true)]      // redo-vs-baselines quick: 2/400
    [InlineData(new[] { 2, 2, 2 }, new[] { 2, 2, 2 }, 216, true)]
    [InlineData(new[] { 1 }, new[] { 39 }, 40, true)]            // exactly 5 %: counted on the integer, so it decides
    [InlineData(new[] { 5, 5, 5, 5, 5 }, new[] { 5, 5, 5, 5, 5 }, 252.0 * 252 * 252 * 252 * 252, true)]   // the full size
    public void Hand_computed_relabellings_and_verdicts(int[] runsA, int[] runsB, double relabellings, bool decides)
    {
        var a = ScoreTable.Of(runsA.Select((n, g) => ($"g{g}", Enumerable.Repeat(0.0, n).ToArray())).ToArray());
        var b = ScoreTable.Of(runsB.Select((n, g) => ($"g{g}", Enumerable.Repeat(1.0, n).ToArray())).ToArray());
        Assert.Equal(relabellings, SeparationFloor.Relabellings(a, b));
        Assert.Equal(Math.Min(1, 2 / relabellings), SeparationFloor.Of(a, b));
        Assert.Equal(decides, ReportMarkdown.CanDecide(a, b));
    }
}
