using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>
/// A curve over runs: at each x, the mean over the runs that logged a value there, its band, and how
/// many runs. The band is the 95 % bootstrap CI of the mean where at least <see cref="IntervalName.MinRuns"/>
/// runs logged the point, and the runs' min–max below that (a percentile bootstrap over 2–3 runs is
/// their range anyway, and calling it a 95 % CI would overstate it).
/// </summary>
public sealed record CurveBand(string Label, double[] X, double[] Mean, double[] Lower, double[] Upper, int[] Runs);

public static class CurveBands
{
    /// <summary>The band at every logged x (<paramref name="settings"/> seeds the bootstrap where one is drawn).</summary>
    public static CurveBand Of(string label, IReadOnlyList<(long[] X, double[] Y)> runs, BootstrapSettings settings)
    {
        var byX = new SortedDictionary<long, List<double>>();
        foreach (var (xs, ys) in runs)
            for (int i = 0; i < xs.Length; i++)
                if (!double.IsNaN(ys[i]))
                    (byX.TryGetValue(xs[i], out var l) ? l : byX[xs[i]] = []).Add(ys[i]);
        int n = byX.Count, k = 0;
        var band = new CurveBand(label, new double[n], new double[n], new double[n], new double[n], new int[n]);
        foreach (var (x, values) in byX)
        {
            var table = ScoreTable.Of(("runs", values.ToArray()));
            var e = IntervalName.IsConfidenceInterval(values.Count)
                ? StratifiedBootstrap.Interval(table, Aggregates.Mean, settings with { Seed = settings.Seed + (ulong)k })
                : new IntervalEstimate(Aggregates.Mean(table), values.Min(), values.Max());
            band.X[k] = x; band.Mean[k] = e.Point; band.Lower[k] = e.Lower; band.Upper[k] = e.Upper; band.Runs[k] = values.Count;
            k++;
        }
        return band;
    }

    /// <summary>What the bands of a figure are, in words for its title: "band: min–max of 2 seeds", "band: 95 % bootstrap CI", or both where counts differ.</summary>
    public static string Describe(IEnumerable<CurveBand> bands)
    {
        var counts = bands.SelectMany(b => b.Runs).ToList();
        if (counts.Count == 0) return "no runs";
        int lo = counts.Min(), hi = counts.Max();
        string seeds = lo == hi ? $"{lo}" : $"{lo}–{hi}";
        if (IntervalName.IsConfidenceInterval(lo)) return $"band: 95 % bootstrap CI of the mean over {seeds} seeds";
        if (!IntervalName.IsConfidenceInterval(hi)) return $"band: min–max of {seeds} seed{(hi == 1 ? "" : "s")}";
        return $"band: 95 % bootstrap CI of the mean where ≥ {IntervalName.MinRuns} seeds logged the point, min–max where fewer ({seeds} seeds)";
    }
}
