namespace ReDo.Pure.Statistics;

/// <summary>The aggregate scores of rliable (Agarwal et al., NeurIPS 2021; docs/statistics.md).</summary>
public enum Aggregate { Iqm, Mean, Median, OptimalityGap }

/// <summary>
/// rliable's aggregates over a method's (runs × games) scores. IQM and optimality gap pool every run of
/// every game; mean and median are taken over the per-game mean scores, as rliable's
/// <c>aggregate_mean</c>/<c>aggregate_median</c> do. Every value is computed from sorted inputs, so the
/// result does not depend on the order of runs or of games, bit for bit.
/// </summary>
public static class Aggregates
{
    /// <summary>Fraction trimmed from each end for the IQM (scipy's <c>trim_mean(…, 0.25)</c>).</summary>
    public const double IqmTrim = 0.25;

    /// <summary>rliable's γ for the optimality gap: a normalised score of 1 (the reference agent).</summary>
    public const double OptimalityGamma = 1.0;

    public static double Of(Aggregate aggregate, ScoreTable scores) => aggregate switch
    {
        Aggregate.Iqm => Iqm(scores),
        Aggregate.Mean => Mean(scores),
        Aggregate.Median => Median(scores),
        Aggregate.OptimalityGap => OptimalityGap(scores),
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, null),
    };

    public static string Label(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Iqm => "IQM",
        Aggregate.Mean => "mean",
        Aggregate.Median => "median",
        Aggregate.OptimalityGap => "optimality gap",
        _ => aggregate.ToString(),
    };

    /// <summary>Interquartile mean: the 25 % trimmed mean of all runs of all games (scipy cuts ⌊0.25·n⌋ from each end).</summary>
    public static double Iqm(ScoreTable scores) => TrimmedMean(Sorted(scores.AllRuns), IqmTrim);

    /// <summary>scipy.stats.trim_mean on sorted values: drop ⌊p·n⌋ from each end, average the rest.</summary>
    public static double TrimmedMean(ReadOnlySpan<double> ascending, double proportion)
    {
        int n = ascending.Length;
        int cut = (int)(proportion * n);
        if (n == 0 || cut >= n - cut) throw new ArgumentException($"trimming {proportion} of {n} values leaves none");
        return SortedMean.Of(ascending[cut..(n - cut)]);
    }

    /// <summary>Mean over games of each game's mean score.</summary>
    public static double Mean(ScoreTable scores) => SortedMean.Of(Sorted(GameMeans(scores)));

    /// <summary>Median over games of each game's mean score (the middle two averaged for an even count).</summary>
    public static double Median(ScoreTable scores)
    {
        var m = Sorted(GameMeans(scores));
        int n = m.Length;
        return n % 2 == 1 ? m[n / 2] : SortedMean.Of(m.AsSpan(n / 2 - 1, 2));
    }

    /// <summary>γ − mean(min(score, γ)) over all runs: how far the method falls short of the reference (γ = 1).</summary>
    public static double OptimalityGap(ScoreTable scores, double gamma = OptimalityGamma) =>
        gamma - SortedMean.Of(Sorted(scores.AllRuns.Select(v => Math.Min(v, gamma))));

    static IEnumerable<double> GameMeans(ScoreTable scores) => scores.Games.Select(g => SortedMean.OfUnsorted(g.Runs));

    static double[] Sorted(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a;
    }
}
