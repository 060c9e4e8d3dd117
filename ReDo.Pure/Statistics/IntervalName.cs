namespace ReDo.Pure.Statistics;

/// <summary>
/// What a percentile-bootstrap interval may be called, by the runs it resamples (docs/statistics.md,
/// "When an interval is a confidence interval"). Every such interval lies within the range of its
/// runs, and the range of n exchangeable runs misses their population median with probability
/// 2^(1−n): it can reach 95 % coverage only from n = 6 on. A game with one run contributes no
/// resampling at all (its resample is always the original), so every game needs two.
/// </summary>
public static class IntervalName
{
    public const int MinRuns = 6;
    public const int MinRunsPerGame = 2;

    /// <summary>Whether an interval resampling <paramref name="runs"/> runs of one stratum (a curve point, one game) may be called a 95 % CI.</summary>
    public static bool IsConfidenceInterval(int runs) => runs >= MinRuns;

    /// <summary>Whether a stratified interval over <paramref name="t"/> may be called a 95 % CI: ≥ 6 runs in all, ≥ 2 on every game.</summary>
    public static bool IsConfidenceInterval(ScoreTable t) =>
        t.RunCount >= MinRuns && t.Games.All(g => g.Runs.Count >= MinRunsPerGame);

    /// <summary>A comparison's interval (P(better)) resamples both sides: it is a CI only if both sides' are.</summary>
    public static bool IsConfidenceInterval(ScoreTable a, ScoreTable b) => IsConfidenceInterval(a) && IsConfidenceInterval(b);

    /// <summary>"95 % CI", or "bootstrap interval over 4 runs (2 on breakout, 2 on space_invaders); not a 95 % CI at this size".</summary>
    public static string Of(ScoreTable t) =>
        IsConfidenceInterval(t) ? "95 % CI" : $"bootstrap interval over {Counts(t)}; not a 95 % CI at this size";

    /// <summary>A comparison's interval: "95 % CI" when both sides' runs allow it, else the bootstrap interval over both sides' counts.</summary>
    public static string OfPair(ScoreTable a, ScoreTable b) =>
        IsConfidenceInterval(a, b) ? "95 % CI" : $"bootstrap interval over {a.RunCount} vs {b.RunCount} runs; not a 95 % CI at this size";

    /// <summary>"4 runs (2 on breakout, 2 on space_invaders)" or "2 runs on breakout".</summary>
    public static string Counts(ScoreTable t) =>
        t.Games.Count == 1 ? $"{Runs(t.RunCount)} on {t.Games[0].Game}"
        : $"{Runs(t.RunCount)} ({string.Join(", ", t.Games.OrderBy(g => g.Game, StringComparer.Ordinal).Select(g => $"{g.Runs.Count} on {g.Game}"))})";

    static string Runs(int n) => n == 1 ? "1 run" : $"{n} runs";
}
