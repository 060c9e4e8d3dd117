using System.Globalization;
using System.Text;
using ReDo.Pure.Experiments;
using ReDo.Pure.Statistics;
using static ReDo.Pure.Reports.ReportNumbers;

namespace ReDo.Pure.Reports;

/// <summary>The text of report.md: status, the rule, the aggregate table beside the paper's numbers, per-game scores, verdicts, figures.</summary>
public static class ReportMarkdown
{
    /// <param name="findings">what the runs show, in the words of whoever read them (markdown), opening the report; null: none</param>
    public static string Write(ExperimentResults r, IReadOnlyList<(string Title, string File)> figures, string? findings = null)
    {
        var d = r.Definition;
        var p = r.Plan;
        var b = new StringBuilder();
        b.AppendLine($"# Experiment `{d.Name}` — size `{p.Size}`").AppendLine();
        if (!string.IsNullOrWhiteSpace(findings))
            b.AppendLine("## What these runs show").AppendLine().AppendLine(findings.Trim()).AppendLine();
        b.AppendLine($"Mirrors: {d.Mirrors.TrimEnd('.')}.").AppendLine();
        b.AppendLine($"Claim under test: {d.Claim.TrimEnd('.')}.").AppendLine();

        var states = r.Runs.GroupBy(StateWords).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        int finished = r.Runs.Count(x => x.Finished);
        b.AppendLine($"Runs: {finished} of {r.Runs.Count} finished ({string.Join(", ", states)}); {RunLength.Describe(p)}.");
        if (d.Sizes.TryGetValue(p.Size, out var size)) b.AppendLine().AppendLine($"Size `{p.Size}`: {size.Cost}.");
        if (r.Partial)
            b.AppendLine().AppendLine($"**Partial results.** Scores and aggregates use the {finished} finished run(s) only; curves also show runs still in progress, up to where they are. Numbers will change as runs finish.");
        if (r.Approximated)
            b.AppendLine().AppendLine("**Approximated returns.** Some metrics.csv files have no `return_last100` column (written before it existed); for them the trailing 100-episode mean is approximated from the interval means (whole intervals, episode-weighted).");
        b.AppendLine();

        b.AppendLine("## How the numbers are made").AppendLine();
        // Pure reads no ambient culture: these numbers print the same whatever the caller's locale.
        b.AppendLine(CultureInfo.InvariantCulture, $"- Run score: the mean of {ScoreMeasure.Describe(d.ScoreColumn)} over the final {RunScore.FinalFraction:P0} of training ({ScoreWindow(p)}).");
        b.AppendLine("- Normalised score: (score − random) / (reference − random); random = the uniformly random policy's mean return (our measurement), reference = a published score per game (table below).");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Aggregates as rliable computes them (docs/statistics.md): IQM over all runs × games, mean and median of per-game means, optimality gap (γ = 1); stratified-bootstrap percentile intervals (2.5th to 97.5th percentile), {r.Bootstrap.Resamples:N0} resamples, seed {r.Bootstrap.Seed}. Each interval is named by the runs it rests on: below {IntervalName.MinRuns} runs, or one run on a game, it is close to the range of the runs (of zero width at one run a game) and is no confidence interval (docs/statistics.md, \"When an interval is a confidence interval\").");
        b.AppendLine($"- Dormancy: every series at {DormancyComparison.Name(r.DormancyTau)}{TauReason(r)}.");
        b.AppendLine();
        b.AppendLine("| game | random | reference | reference source |").AppendLine("|---|---|---|---|");
        foreach (var a in r.Anchors.Values.Where(a => r.Plan.Runs.Any(x => x.Game == a.Game)).OrderBy(a => a.Game))
            b.AppendLine($"| {a.Game} | {Number(a.Random)} | {Number(a.Reference)} | {a.ReferenceSource} |");
        b.AppendLine();

        b.AppendLine("## Aggregate scores (normalised; the intervals are named below the table)").AppendLine();
        b.AppendLine($"| series | runs finished | IQM | mean | median | optimality gap | final dormant % ({DormancyComparison.Name(r.DormancyTau)}) | P(better than {BaselineChoice.Describe(d, r.Plan.Series)}) | paper |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in r.Series)
        {
            string Agg(Aggregate a) => s.Aggregates.TryGetValue(a, out var e) ? Interval(e) : "—";
            var paper = d.Paper.Where(x => x.Series == s.Series.Id).Select(x => $"{x.Measure} {Number(x.Value)} ({x.Source})");
            b.AppendLine($"| {s.Series.Label} | {s.Finished}/{s.Planned} | {Agg(Aggregate.Iqm)} | {Agg(Aggregate.Mean)} | {Agg(Aggregate.Median)} | {Agg(Aggregate.OptimalityGap)} | {Number(FinalDormant(r, s.Series.Id))} | {(s.ImprovementOverBaseline is { } e ? Interval(e) : "—")} | {(paper.Any() ? string.Join("; ", paper) : "—")} |");
        }
        b.AppendLine();
        foreach (var line in IntervalNotes(r)) b.AppendLine($"- {line}");
        b.AppendLine();
        b.AppendLine(d.PaperNote ?? "The paper's numbers are **Atari** results (human-normalised, 17 games, 10 M frames unless stated); ours are MinAtar, normalised to the published MinAtar DQN. Compare orderings and gaps, not absolute values.").AppendLine();

        b.AppendLine("## Raw run scores per game (mean ± standard deviation over finished runs, n)").AppendLine();
        var games = r.Plan.Runs.Select(x => x.Game).Distinct().ToList();
        b.AppendLine("| series | " + string.Join(" | ", games) + " |").AppendLine("|---|" + string.Concat(games.Select(_ => "---|")));
        foreach (var s in r.Series)
            b.AppendLine($"| {s.Series.Label} | " + string.Join(" | ", games.Select(g => s.Raw?.Games.FirstOrDefault(x => x.Game == g) is { } gs ? $"{Number(gs.Runs.Average())} ± {Number(Sd(gs.Runs))} ({gs.Runs.Count})" : "—")) + " |");
        b.AppendLine();

        b.AppendLine("## What the numbers say").AppendLine();
        foreach (var line in Verdicts(r)) b.AppendLine($"- {line}");
        b.AppendLine();

        var failed = r.Runs.Where(x => x.State == "failed").ToList();
        if (failed.Count > 0)
        {
            b.AppendLine("## Failed runs").AppendLine();
            foreach (var f in failed) b.AppendLine($"- `{f.Run.Name}` (see its failed/{f.Run.Name}.reason.txt in the queue)");
            b.AppendLine();
        }

        b.AppendLine("## Figures").AppendLine();
        foreach (var (title, file) in figures) b.AppendLine($"### {title}").AppendLine().AppendLine($"![{title}]({file}.png) ([SVG]({file}.svg))").AppendLine();
        return b.ToString();
    }

    /// <summary>
    /// A run's state as the report words it: a run missing from the queue's view that has logged curves was
    /// shipped unfinished (partial results), so it reads "in progress when shipped", not "missing".
    /// </summary>
    static string StateWords(RunResult run) => run.State == "missing" && run.Curves is not null ? "in progress when shipped" : run.State;

    /// <summary>What each series' intervals are: its aggregates' (by its own runs) and its P(better)'s (by both sides' runs).</summary>
    public static IEnumerable<string> IntervalNotes(ExperimentResults r)
    {
        foreach (var s in r.Series.Where(s => s.Normalized is not null))
        {
            var poi = s.ImprovementOverBaseline is not null && s.ComparedGames is { } shared && r.Series.Single(x => x.Series.Id == s.Baseline!.Id).Normalized is { } baseline
                ? $"; P(better): {IntervalName.OfPair(s.Normalized!.OnGames(shared), baseline.OnGames(shared))}" : "";
            yield return $"{s.Series.Label}: {IntervalName.Of(s.Normalized!)}{poi}.";
        }
    }

    /// <summary>Why the report compares at its τ, when not every run recycled at it.</summary>
    static string TauReason(ExperimentResults r)
    {
        var own = r.Runs.Where(x => x.Curves is not null).Select(x => x.Curves!.Tau).Distinct().Order().ToList();
        if (own.Count == 1 && own[0] == r.DormancyTau) return ", the τ every run recycles and logs at";
        var owns = string.Join(", ", own.Select(t => double.IsNaN(t) ? "unknown" : Number(t)));
        if (r.WithoutTenth.Count == 0) return $" (the runs' own τ: {owns}; every run logged τ = 0.1 as well)";
        var lacking = r.WithoutTenth.GroupBy(x => x.Tau).Select(g => $"{g.Count()} run(s) at τ = {(double.IsNaN(g.Key) ? "unknown" : Number(g.Key))}");
        return $" (the runs' own τ: {owns}; τ = 0.1 is not in the logs of {string.Join(", ", lacking)}, which logged only τ = 0 and their own τ, so the series are compared at τ = 0, which every run logged; a share at a τ below 0.1 is a lower bound of the share at 0.1)";
    }

    /// <summary>One sentence per series against its baseline (<see cref="BaselineChoice"/>): decided only when the interval of P(better) excludes ½.</summary>
    public static IEnumerable<string> Verdicts(ExperimentResults r)
    {
        if (!r.Series.Any(s => s.Baseline is not null)) { yield return "The experiment names no baseline: nothing is compared."; yield break; }
        foreach (var s in r.Series.Where(s => s.Baseline is not null))
        {
            var baseline = r.Series.Single(x => x.Series.Id == s.Baseline!.Id);
            if (baseline.Finished == 0) { yield return $"{s.Series.Label}: no finished runs of {baseline.Series.Label} yet: nothing to compare."; continue; }
            if (s.ImprovementOverBaseline is not { } poi) { yield return $"{s.Series.Label}: no finished runs on {baseline.Series.Label}'s games yet."; continue; }
            var iqm = s.Aggregates[Aggregate.Iqm];
            var biqm = baseline.Aggregates[Aggregate.Iqm];
            var onlySome = s.ComparedGames is { } compared && (compared.Count < s.Normalized!.Games.Count || compared.Count < baseline.Normalized!.Games.Count)
                ? $" (P(better) on {string.Join(", ", compared)} only, the games both have finished runs on; IQM over each side's own)" : "";
            var named = IntervalName.IsConfidenceInterval(s.Normalized!, baseline.Normalized!) ? "95 % CIs" : "bootstrap intervals, not 95 % CIs at these run counts";
            var numbers = $"P(better) = {Interval(poi)}; IQM {Interval(iqm)} vs {Interval(biqm)} ({s.Finished} vs {baseline.Finished} runs; {named}){onlySome}";
            var outcome = ComparisonDecision.Of(s.Normalized!, baseline.Normalized!, poi);
            if (outcome == ComparisonOutcome.Undecidable)
            {
                var direction = poi.Point > 0.5 ? "ahead of" : poi.Point < 0.5 ? "behind" : "level with";
                // The word follows P(better) (the share of within-game pairs won); say so when the IQM points the other way.
                var byIqm = iqm.Point > biqm.Point ? "ahead" : iqm.Point < biqm.Point ? "behind" : "level";
                var which = byIqm == direction.Split(' ')[0] ? " (by P(better) and by IQM)" : $" by P(better) (by IQM it is {byIqm})";
                yield return $"{s.Series.Label} is {direction} {baseline.Series.Label}{which}, which decides nothing at these run counts ({RunCounts(s.Normalized!, baseline.Normalized!)}): even a complete separation of the two would arise by chance with probability {Number(SeparationFloor.Of(s.Normalized!, baseline.Normalized!))} (> {Number(SeparationFloor.Level)}): {numbers}.";
                continue;
            }
            var verdict = outcome switch { ComparisonOutcome.Better => "better than", ComparisonOutcome.Worse => "worse than", _ => "not distinguishable at this size from" };
            yield return $"{s.Series.Label} is {verdict} {baseline.Series.Label}: {numbers}.";
        }
    }

    /// <summary>
    /// Whether the run counts allow a verdict at all (<see cref="SeparationFloor"/>): even complete
    /// separation must be unlikely by chance. One run per game never qualifies (every stratified
    /// resample is then the original data, and P(better) a zero-width "interval" such as 0 [0, 0]),
    /// nor do two seeds of one game (floor 1/3) or of two games (1/18).
    /// </summary>
    public static bool CanDecide(ScoreTable a, ScoreTable b) => SeparationFloor.CanReachLevel(a, b);   // ComparisonDecision's first test

    /// <summary>"2 vs 2 runs on breakout, 1 vs 2 on space_invaders": the counts of the games both sides ran.</summary>
    static string RunCounts(ScoreTable a, ScoreTable b) =>
        string.Join(", ", ScoreTable.SharedGames(a, b).Select(g =>
            $"{a.Games.First(h => h.Game == g).Runs.Count} vs {b.Games.First(h => h.Game == g).Runs.Count} runs on {g}"));

    /// <summary>Mean over finished runs of the dormant % at the report's τ (<see cref="ExperimentResults.DormancyTau"/>) over the final 10 % of training (NaN without measurements).</summary>
    public static double FinalDormant(ExperimentResults r, string seriesId)
    {
        var v = r.Runs.Where(x => x.Run.SeriesId == seriesId && x.Finished && x.Curves?.DormantAt(r.DormancyTau) is not null)
            .Select(x => RunScore.Of(x.Curves!.Frames.Zip(x.Curves.DormantAt(r.DormancyTau)!, (f, y) => new CurvePoint(f, y)), RunLength.Of(x.Run, r.Plan.Frames)))
            .Where(double.IsFinite).ToList();
        return v.Count == 0 ? double.NaN : v.Average();
    }

    /// <summary>"logged points with frames > 468,000", or in words when the cells differ in length.</summary>
    static string ScoreWindow(ExperimentPlan p)
    {
        var (min, max) = RunLength.Range(p);
        return min == max ? string.Create(CultureInfo.InvariantCulture, $"logged points with frames > {(1 - RunScore.FinalFraction) * min:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"logged points with frames > {1 - RunScore.FinalFraction:0.0#}·T, where T is the run's own length");
    }

    static double Sd(IReadOnlyList<double> v) => v.Count < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Count - 1));
}
