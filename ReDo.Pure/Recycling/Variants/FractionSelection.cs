using ReDo.Pure.Statistics;

namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// The scheduled variant's choice in one layer (docs/specs/redo-algorithm.md §2.3): the k = max(1, round(n·f)) neurons with the
/// lowest ranking score, plus every neuron tied with the k-th; none when f = 0. round is Python's
/// (halves to even), as the reference computes it.
/// </summary>
public static class FractionSelection
{
    public static int Count(int neurons, double fraction) =>
        fraction <= 0 ? 0 : Math.Max(1, (int)Math.Round(neurons * fraction, MidpointRounding.ToEven));

    /// <summary>Indices (ascending) of the neurons to recycle, ranked by <paramref name="ranking"/> (lowest first).</summary>
    public static IReadOnlyList<int> Lowest(IReadOnlyList<double> ranking, double fraction)
    {
        if (ranking.Any(double.IsNaN)) throw new ArgumentException("a ranking score is NaN");
        int k = Math.Min(Count(ranking.Count, fraction), ranking.Count);
        if (k == 0) return [];
        var kth = ranking.Order().ElementAt(k - 1);
        return Enumerable.Range(0, ranking.Count).Where(i => ranking[i] <= kth).ToList();
    }

    /// <summary>The ranking each score type uses; Random permutes the scores with the given generator state.</summary>
    public static (IReadOnlyList<double> Ranking, SplitMix64 Next) Ranking(ScoreType type, IReadOnlyList<double> scores, SplitMix64 state)
    {
        switch (type)
        {
            case ScoreType.Redo:
            case ScoreType.Cbp: return (scores, state);   // both rank the lowest first: least active, least useful
            case ScoreType.RedoInverted: return (scores.Select(s => -s).ToList(), state);
            case ScoreType.Random:
            {
                var permuted = scores.ToArray();
                for (int i = permuted.Length - 1; i > 0; i--)   // Fisher–Yates
                {
                    (int j, state) = state.NextIndex(i + 1);
                    (permuted[i], permuted[j]) = (permuted[j], permuted[i]);
                }
                return (permuted, state);
            }
            default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }
}
