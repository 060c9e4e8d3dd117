namespace ReDo.Pure.Statistics;

/// <summary>
/// How small a p-value the run counts of a comparison could ever give: the probability that a random
/// relabelling of each game's runs between the two methods separates them completely (every run of
/// one side above every run of the other, in every game shared), either way round. That is
/// 2 / Π_g C(n_g + m_g, n_g), the smallest two-sided p-value of an exact stratified permutation test
/// of P(better) (capped at 1). When it exceeds 5 %, no outcome, however lopsided, is evidence at the
/// 5 % level: 2 vs 2 runs in one game give 1/3, in two games 1/18 ≈ 0.056, 3 vs 3 in two games 1/200.
/// The stratified bootstrap is blind to this: with 2 vs 2 runs that do not overlap every resample
/// keeps them apart, and P(better) comes out as 0 [0, 0] (the replay-ratio quick report said "worse"
/// on two seeds of one game). Only the run counts matter, not the scores.
/// </summary>
public static class SeparationFloor
{
    /// <summary>The level a verdict needs (the report's intervals are 95 %).</summary>
    public const double Level = 0.05;

    /// <summary>Π_g C(n_g + m_g, n_g) over the games both tables hold: the number of equally likely relabellings (saturates at +∞).</summary>
    public static double Relabellings(ScoreTable a, ScoreTable b)
    {
        double product = 1;
        foreach (var g in a.Games)
            if (b.Games.FirstOrDefault(h => h.Game == g.Game) is { } h)
                product *= Binomial(g.Runs.Count + h.Runs.Count, g.Runs.Count);
        return product;
    }

    /// <summary>2 / <see cref="Relabellings"/>, at most 1 (no shared game: 1).</summary>
    public static double Of(ScoreTable a, ScoreTable b) => Math.Min(1, 2 / Relabellings(a, b));

    /// <summary>
    /// Whether any outcome could reach <see cref="Level"/>: compared on the integer count (2 / 0.05 = 40
    /// relabellings), so a floor of exactly 5 % is not lost to rounding.
    /// </summary>
    public static bool CanReachLevel(ScoreTable a, ScoreTable b) => Relabellings(a, b) >= 40;

    /// <summary>C(n, k), exact in doubles up to 2^53 (each step's product is divisible by the step).</summary>
    static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
