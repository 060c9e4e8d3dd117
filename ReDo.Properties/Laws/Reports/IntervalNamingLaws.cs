using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Experiments;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;

namespace ReDo.Properties.Laws.Reports;

/// <summary>
/// A report never calls an interval over fewer runs than <see cref="IntervalName.MinRuns"/> (or with a
/// game of one run) a 95 % CI (docs/statistics.md, "When an interval is a confidence interval"):
/// over 1–3 runs a percentile bootstrap is about the range of the runs, of zero width at one.
/// </summary>
public class IntervalNamingLaws
{
    static readonly string[] Games = ["breakout", "space_invaders", "seaquest"];

    /// <summary>Two series on 1–3 games, each game with its own 1–8 finished runs a series; scores drawn from a seed.</summary>
    static Gen<(int[][] Counts, int Seed)> Experiments() =>
        from games in Gen.Choose(1, Games.Length)
        from counts in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(1, 8), games), 2)
        from seed in Gen.Choose(0, int.MaxValue)
        select (counts, seed);

    static (string Text, ExperimentResults Results) Report((int[][] Counts, int Seed) e)
    {
        var games = Games[..e.Counts[0].Length];
        var definition = new ExperimentDefinition("tiny", "Fig. 1 (test)", "ReDo helps", "base.json", [],
            [new ExperimentAxis("method", [new("dqn", "DQN", []), new("redo", "DQN + ReDo", [])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(games, "1-8", 1_000, [], "tiny") }, [], Baseline: "dqn");
        var plan = ExperimentPlanner.Plan(definition, "tiny");
        var rng = new System.Random(e.Seed);
        var runs = plan.Runs.Select(r =>
        {
            bool finished = r.Seed <= e.Counts[r.SeriesId == "dqn" ? 0 : 1][Array.IndexOf(games, r.Game)];
            double score = rng.NextDouble() * 10, dormant = rng.NextDouble() * 50;
            var curves = new RunCurves([500, 1_000], [0, 500], [score, score], [dormant, dormant], [dormant, dormant], false, [double.NaN, double.NaN]) { Tau = 0.1 };
            return new RunResult(r, finished ? "done" : "pending", finished, finished ? curves : null);
        }).ToList();
        var anchors = games.ToDictionary(g => g, g => new GameNormalizer(g, 0, 10));
        var results = ExperimentResults.Compute(definition, plan, runs, anchors, new BootstrapSettings(Resamples: 2_000, Seed: 1));
        var scored = results.Series.Where(s => s.Aggregates.Count > 0).ToList();
        List<(string, string)> figures =
        [
            .. results.ReturnCurves.Select(kv => (FigureTitles.Returns(kv.Key, kv.Value), $"return-{kv.Key}")),
            .. results.DormantCurves.Select(kv => (FigureTitles.Dormant(kv.Key, kv.Value, results.DormancyTau), $"dormant-{kv.Key}")),
            (FigureTitles.Iqm(scored), "iqm"), (FigureTitles.Profiles(scored), "profile"),
        ];
        return (ReportMarkdown.Write(results, figures), results);
    }

    /// <summary>The text with every "not a 95 % CI" / "not 95 % CIs" removed: what is left may not claim 95 %.</summary>
    static string Claims(string text) => Regex.Replace(text, "not (a )?95 % CIs?", "");

    /// <summary>Every series' table falls short, and so does every game's curve band (fewer than 6 seeds at each point).</summary>
    [Law(Runs = 40)]
    public Property A_report_whose_series_all_fall_short_never_claims_95_percent() =>
        Prop.ForAll(Experiments().Where(e => e.Counts.All(c => c.All(n => n < IntervalName.MinRuns) && (c.Sum() < IntervalName.MinRuns || c.Any(n => n < IntervalName.MinRunsPerGame)))).ToArbitrary(), e =>
            !Claims(Report(e).Text).Contains("95 %"));

    [Law(Runs = 40)]
    public Property Each_series_interval_is_called_a_95_percent_CI_exactly_when_its_runs_allow() =>
        Prop.ForAll(Experiments().ToArbitrary(), e =>
        {
            var results = Report(e).Results;
            var notes = ReportMarkdown.IntervalNotes(results).ToList();
            return results.Series.Zip(notes).All(p =>
            {
                var own = p.Second.Split("; P(better)")[0];
                return Claims(own).Contains("95 % CI") == IntervalName.IsConfidenceInterval(p.First.Normalized!);
            });
        });
}
