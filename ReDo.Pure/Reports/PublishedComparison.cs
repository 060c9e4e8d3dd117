using ReDo.Pure.Collections;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>
/// The band around a published point that counts as "about as good as the paper's DQN" for one game:
/// [p·(1 − Below) − Absolute, p·(1 + Above) + Absolute]. Why these numbers: see
/// ReDo.Golden/data/published/bands.csv (one reason per game) and docs/experiments.md, "Golden regression against the MinAtar paper".
/// </summary>
public sealed record PublishedBand(string Game, double Below, double Above, double Absolute)
{
    public (double Lower, double Upper) Around(double published) =>
        (published * (1 - Below) - Absolute, published * (1 + Above) + Absolute);
}

/// <summary>One game and checkpoint: our mean over seeds (with its 95 % interval) against the published value and its band.</summary>
public sealed record CheckpointComparison(string Game, double FramesMillions, IntervalEstimate? Ours, int Runs, double Published, double BandLower, double BandUpper)
{
    /// <summary>Inside when our mean over seeds lies in the band; null when either side has no value there.</summary>
    public bool? Inside => Ours is null || double.IsNaN(Published) ? null : Ours.Point >= BandLower && Ours.Point <= BandUpper;
}

/// <summary>Our DQN's return_last100 curves against the digitized MinAtar paper DQN at fixed checkpoints.</summary>
public static class PublishedComparison
{
    public static readonly ValueList<double> Checkpoints = [0.5, 1, 2, 3, 5];

    /// <param name="runs">Per game, every run's (frames, return_last100) curve.</param>
    public static IReadOnlyList<CheckpointComparison> Compare(
        IReadOnlyDictionary<string, IReadOnlyList<(long[] Frames, double[] Values)>> runs,
        PublishedCurves published, IReadOnlyDictionary<string, PublishedBand> bands, BootstrapSettings bootstrap)
    {
        var result = new List<CheckpointComparison>();
        foreach (var (game, curves) in runs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!bands.TryGetValue(game, out var band)) throw new ArgumentException($"no comparison band for game {game}");
            foreach (var m in Checkpoints)
            {
                long frames = (long)Math.Round(m * 1_000_000);
                var values = curves.Select(c => ValueAt(c.Frames, c.Values, frames)).Where(double.IsFinite).ToArray();
                var ours = values.Length == 0 ? null : StratifiedBootstrap.Interval(ScoreTable.Of((game, values)), Aggregates.Mean, bootstrap);
                var p = published.At(game, "dqn", m);
                var (lo, hi) = double.IsNaN(p) ? (double.NaN, double.NaN) : band.Around(p);
                result.Add(new CheckpointComparison(game, m, ours, values.Length, p, lo, hi));
            }
        }
        return result;
    }

    /// <summary>The curve's value at the last logged point at or before <paramref name="frames"/>, if that point is within 1 % of it (else NaN: the run has not got there).</summary>
    public static double ValueAt(long[] frames, double[] values, long target)
    {
        for (int i = frames.Length - 1; i >= 0; i--)
            if (frames[i] <= target) return target - frames[i] <= target / 100 ? values[i] : double.NaN;
        return double.NaN;
    }
}
