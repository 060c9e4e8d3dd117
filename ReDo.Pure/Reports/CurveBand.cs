using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>A curve over runs: at each x, the mean over the runs that logged a value there, its 95 % bootstrap interval, and how many runs.</summary>
public sealed record CurveBand(string Label, double[] X, double[] Mean, double[] Lower, double[] Upper, int[] Runs);

public static class CurveBands
{
    /// <summary>
    /// Mean over runs at every logged x with a percentile-bootstrap interval of that mean (runs resampled
    /// with replacement, <paramref name="settings"/>); a point with one run has a zero-width band.
    /// </summary>
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
            var e = StratifiedBootstrap.Interval(ScoreTable.Of(("runs", values.ToArray())), Aggregates.Mean, settings with { Seed = settings.Seed + (ulong)k });
            band.X[k] = x; band.Mean[k] = e.Point; band.Lower[k] = e.Lower; band.Upper[k] = e.Upper; band.Runs[k] = values.Count;
            k++;
        }
        return band;
    }
}
