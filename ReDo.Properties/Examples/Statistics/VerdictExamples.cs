using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Examples.Statistics;

/// <summary>
/// A report decides "better" / "worse" only when the bootstrap can vary the data: with one run per game a
/// stratified resample is always the original, so P(better) has a zero-width interval (0 [0, 0]) even
/// when the two runs differ by a hair. The drq-replay-ratio quick report (one seed) said "worse than" on that.
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
        Assert.False(ReportMarkdown.CanDecide(a, b));
    }

    [Fact]
    public void Two_runs_of_each_side_in_some_game_let_the_interval_decide()
    {
        var two = ScoreTable.Of(("breakout", [0.5, 0.6]), ("space_invaders", [0.4]));
        var twoToo = ScoreTable.Of(("breakout", [0.1, 0.2]), ("space_invaders", [0.3]));
        Assert.True(ReportMarkdown.CanDecide(two, twoToo));
        Assert.False(ReportMarkdown.CanDecide(two, ScoreTable.Of(("breakout", [0.1]), ("space_invaders", [0.3, 0.2]))));   // ≥ 2 on both sides of one game
    }
}
