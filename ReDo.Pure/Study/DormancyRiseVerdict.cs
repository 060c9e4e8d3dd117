using System.Globalization;
using ReDo.Pure.Analyses;
using ReDo.Pure.Reports;

namespace ReDo.Pure.Study;

/// <summary>One run's H1 statistic (<see cref="DormancyRise"/> at τ = 0.1; null until it has logged enough rows).</summary>
public sealed record RiseOfRun(string Run, string Series, string Game, int Seed, bool Finished, DormancyRise? Rise)
{
    /// <summary>The rise of <paramref name="curves"/>' τ = 0.1 dormant share (null: not logged at τ = 0.1, or too few rows).</summary>
    public static DormancyRise? Of(RunCurves? curves) =>
        curves?.DormantAt(DormancyComparison.Tenth) is { } d ? DormancyRise.Of([.. curves.GradientSteps.Zip(d)]) : null;
}

/// <summary>
/// H1 in a confirmation cell (one series without ReDo on one game): the dormant share rises at least
/// the threshold in <b>every</b> seed. One finished seed below it falsifies the cell; all planned seeds
/// finished, at least <see cref="StudyDefinition.MinSeeds"/> of them and each at or above it, support it.
/// Over the study H1 says "in some cell", so one supported cell supports it and it is falsified only
/// when every cell is.
/// </summary>
public static class DormancyRiseVerdict
{
    public const string Hypothesis = "H1";

    public static HypothesisVerdict Cell(string cell, IReadOnlyList<RiseOfRun> runs, double threshold, int minSeeds)
    {
        var finished = runs.Where(r => r.Finished).ToList();
        var numbers = $"rise at τ = 0.1 per seed (threshold {threshold.ToString("0.##", CultureInfo.InvariantCulture)} points): {string.Join(", ", runs.OrderBy(r => r.Seed).Select(Describe))}";
        Verdict v;
        if (finished.Any(r => r.Rise is { } x && x.Rise < threshold)) v = Verdict.Falsified;
        else if (finished.Count < runs.Count) v = Verdict.Pending;
        else if (runs.Count >= minSeeds && finished.All(r => r.Rise is not null)) v = Verdict.Supported;
        else v = Verdict.Undecided;
        return new HypothesisVerdict(Hypothesis, cell, v, numbers + (v == Verdict.Undecided ? $"; a verdict needs ≥ {minSeeds} finished seeds, each with a rise" : ""));
    }

    /// <summary>"In some cell": supported by one supported cell, falsified only when every cell is, else pending while runs are.</summary>
    public static HypothesisVerdict Overall(IReadOnlyList<HypothesisVerdict> cells)
    {
        var counts = string.Join(", ", cells.GroupBy(c => c.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {HypothesisVerdict.Words(g.Key)}"));
        Verdict v = cells.Count == 0 ? Verdict.Undecided
            : cells.Any(c => c.Verdict == Verdict.Supported) ? Verdict.Supported
            : cells.All(c => c.Verdict == Verdict.Falsified) ? Verdict.Falsified
            : cells.Any(c => c.Verdict == Verdict.Pending) ? Verdict.Pending
            : Verdict.Undecided;
        return new HypothesisVerdict(Hypothesis, null, v, cells.Count == 0 ? "no confirmation cell without ReDo" : $"over {cells.Count} confirmation cell(s): {counts}");
    }

    static string Describe(RiseOfRun r) =>
        $"seed {r.Seed} {(r.Rise is { } x ? P(x.Rise) : "—")}{(r.Finished ? "" : " (not finished)")}";

    /// <summary>Two decimals: a rise of 9.95 must not print as the threshold it missed.</summary>
    static string P(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
}
