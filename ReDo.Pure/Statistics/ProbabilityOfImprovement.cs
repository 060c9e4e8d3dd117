namespace ReDo.Pure.Statistics;

/// <summary>
/// rliable's average probability of improvement P(X &gt; Y): per game, the Mann–Whitney U statistic of X
/// over Y divided by n·m, i.e. the fraction of (run of X, run of Y) pairs where X wins, ties counting
/// one half; then the mean over games. Both methods must have run the same games.
/// </summary>
public static class ProbabilityOfImprovement
{
    public static double Of(ScoreTable x, ScoreTable y)
    {
        var ys = y.Games.ToDictionary(g => g.Game, g => g.Runs, StringComparer.Ordinal);
        if (x.Games.Count != ys.Count || x.Games.Any(g => !ys.ContainsKey(g.Game)))
            throw new ArgumentException($"probability of improvement needs the same games for both methods: [{string.Join(", ", x.Games.Select(g => g.Game))}] vs [{string.Join(", ", ys.Keys)}]");
        var perGame = x.Games.Select(g => PerGame(g.Runs, ys[g.Game])).ToArray();
        Array.Sort(perGame);
        return SortedMean.Of(perGame);
    }

    /// <summary>(#pairs x &gt; y + ½ #pairs x = y) / (n·m): counts are integers, so this is exact up to one division.</summary>
    public static double PerGame(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        long twiceWins = 0;
        foreach (var a in x)
            foreach (var b in y)
                twiceWins += a > b ? 2 : a == b ? 1 : 0;
        return twiceWins / (2.0 * x.Count * y.Count);
    }

    public static IntervalEstimate Interval(ScoreTable x, ScoreTable y, BootstrapSettings settings) =>
        StratifiedBootstrap.PairedInterval(x, y, Of, settings);
}
