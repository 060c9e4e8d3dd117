using ReDo.Pure.Experiments;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Examples.Statistics;

/// <summary>
/// A partial report compares a series with its baseline on the games both have finished runs on. The
/// selection quick report, with Breakout done and one Space Invaders run of `random` finished, said
/// "random: no finished runs on ReDo score's games yet" although both had two Breakout runs.
/// </summary>
public class PartialComparisonExamples
{
    [Fact]
    public void Shared_games_and_restriction()
    {
        var a = ScoreTable.Of(("space_invaders", [0.1]), ("breakout", [0.2, 0.3]));
        var b = ScoreTable.Of(("breakout", [0.4]), ("asterix", [0.5]));
        Assert.Equal(["breakout"], ScoreTable.SharedGames(a, b));
        Assert.Equal(["breakout"], a.OnGames(["breakout"]).Games.Select(g => g.Game));
        Assert.Equal([0.2, 0.3], a.OnGames(["breakout"]).Games[0].Runs);
        Assert.Empty(ScoreTable.SharedGames(a, ScoreTable.Of(("freeway", [0.0]))));
    }

    [Fact]
    public void A_series_missing_a_game_is_compared_on_the_shared_games_and_the_verdict_names_them()
    {
        var definition = new ExperimentDefinition("tiny", "Fig. 15 (test)", "which neurons matter", "base.json", [],
            [new ExperimentAxis("selection", [new("redo", "ReDo score", []), new("random", "random", [])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout", "space_invaders"], "1-2", 1_000, [], "tiny") },
            [], Baseline: "redo");
        var plan = ExperimentPlanner.Plan(definition, "tiny");
        // Breakout: all four runs finished; Space Invaders: only random's first seed (ReDo's still queued).
        var runs = plan.Runs.Select(r =>
        {
            bool finished = r.Game == "breakout" || (r.SeriesId == "random" && r.Seed == 1);
            double score = r.SeriesId == "redo" ? 6 + r.Seed : 1 + r.Seed;
            return new RunResult(r, finished ? "done" : "pending", finished, finished ? Curves(score) : null);
        }).ToList();
        var anchors = new Dictionary<string, GameNormalizer>
        {
            ["breakout"] = new("breakout", 0, 10), ["space_invaders"] = new("space_invaders", 0, 40),
        };
        var results = ExperimentResults.Compute(definition, plan, runs, anchors, new BootstrapSettings(Seed: 1));

        var random = results.Series.Single(s => s.Series.Id == "random");
        Assert.Equal(["breakout"], random.ComparedGames);
        Assert.Equal(0, random.ImprovementOverBaseline!.Point);           // both random runs below both ReDo runs on Breakout
        var verdict = ReportMarkdown.Verdicts(results).Single();
        Assert.StartsWith("random is behind ReDo score (by P(better) and by IQM), which decides nothing", verdict);   // 2 vs 2 on one game: floor 1/3
        Assert.Contains("P(better) on breakout only", verdict);
    }

    static RunCurves Curves(double score) =>
        new([500, 1_000], [0, 500], [score, score], [0, 0], [0, 0], false, [double.NaN, double.NaN]);
}
