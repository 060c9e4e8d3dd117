using System.Globalization;

namespace ReDo.Pure.Experiments;

/// <summary>
/// Deals an experiment's runs over the shards so that each shard gets about the same work, not the
/// same count: a replay-ratio-4 run costs several RR 1 runs, and round-robin once put every RR 4 run of
/// an experiment on one shard while the other sat idle. A run's cost is its frames × (acting + its
/// replay ratio) — acting and the environment cost about a quarter of one update per frame (redo bench
/// train); greedy longest-first assignment (each run to the least-loaded shard, ties to the lower shard)
/// keeps the heaviest shard within one run's cost of the lightest.
/// </summary>
public static class ShardBalance
{
    /// <summary>Acting and the environment per frame, in updates (measured by <c>redo bench train</c>: ≈ 0.2–0.3).</summary>
    public const double ActingCost = 0.25;

    /// <summary>The run's relative cost: frames × (acting + the replay ratio its overrides set, 1 when they set none; the last setting wins).</summary>
    public static double Cost(IReadOnlyList<string> overrides, long frames)
    {
        double ratio = 1;
        foreach (var o in overrides)
            if (o.StartsWith("Agent:ReplayRatio=", StringComparison.Ordinal)
                && double.TryParse(o["Agent:ReplayRatio=".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0)
                ratio = r;
        return frames * (ActingCost + ratio);
    }

    /// <summary>The shard of each run, in the order given: longest first to the least-loaded shard.</summary>
    public static int[] Assign(IReadOnlyList<double> costs, int shards)
    {
        if (shards < 1) throw new ArgumentException("at least one shard");
        var load = new double[shards];
        var shardOf = new int[costs.Count];
        foreach (var i in Enumerable.Range(0, costs.Count).OrderByDescending(i => costs[i]).ThenBy(i => i))
        {
            int lightest = 0;
            for (int s = 1; s < shards; s++) if (load[s] < load[lightest]) lightest = s;
            shardOf[i] = lightest;
            load[lightest] += costs[i];
        }
        return shardOf;
    }
}
