namespace ReDo.Pure.Statistics;

/// <summary>One point of a performance profile: the fraction of runs scoring above τ, with its interval.</summary>
public sealed record ProfilePoint(double Tau, IntervalEstimate Fraction);

/// <summary>
/// rliable's score distribution (performance profile): for each threshold τ, the fraction of all runs
/// of all games whose normalised score is strictly above τ (<c>run_score_deviation</c>), with
/// stratified-bootstrap bands from one set of resamples.
/// </summary>
public static class PerformanceProfile
{
    public static double FractionAbove(ScoreTable scores, double tau)
    {
        int above = 0, n = 0;
        foreach (var v in scores.AllRuns) { n++; if (v > tau) above++; }
        return (double)above / n;
    }

    public static IReadOnlyList<ProfilePoint> Of(ScoreTable scores, IReadOnlyList<double> taus, BootstrapSettings settings)
    {
        var estimates = StratifiedBootstrap.Intervals(scores, s => taus.Select(t => FractionAbove(s, t)).ToArray(), settings);
        return taus.Select((t, i) => new ProfilePoint(t, estimates[i])).ToList();
    }

    /// <summary>
    /// Thresholds fitted to the scores: from a little below the lowest to a little above the highest
    /// (a twentieth of their range each side, or 0.05 when all are equal), so the profile's whole
    /// descent fills the plot instead of a fixed 0–1.5 that leaves it a sliver.
    /// </summary>
    public static IReadOnlyList<double> FittedThresholds(IReadOnlyCollection<double> scores, int count)
    {
        double lo = scores.Min(), hi = scores.Max(), pad = hi > lo ? (hi - lo) / 20 : 0.05;
        return Thresholds(lo - pad, hi + pad, count);
    }

    /// <summary>Evenly spaced thresholds from lo to hi inclusive (the x axis of the profile plot).</summary>
    public static IReadOnlyList<double> Thresholds(double lo, double hi, int count) =>
        count < 2 ? throw new ArgumentException("a profile needs at least two thresholds")
        : Enumerable.Range(0, count).Select(i => i == count - 1 ? hi : lo + (hi - lo) * i / (count - 1)).ToList();
}
