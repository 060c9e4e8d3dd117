namespace ReDo.Pure.Analyses;

/// <summary>
/// Persistence of dormancy (paper §3, Fig. 5, footnote 1): the overlap coefficient
/// |X ∩ Y| / min(|X|, |Y|) between two sets of dormant neurons.
/// </summary>
/// <remarks>
/// The formula is 0/0 when a set is empty; the paper does not say what it does then. Our choice:
/// two empty sets are the same set, so their overlap is 1 (the law "a set with itself gives 1" holds
/// for every set); one empty and one non-empty set share nothing, so their overlap is 0 (a step after
/// a step without dormant neurons shows no persistence rather than a perfect one).
/// </remarks>
public static class OverlapCoefficient
{
    public static double Of<T>(IReadOnlySet<T> x, IReadOnlySet<T> y)
    {
        if (x.Count == 0 && y.Count == 0) return 1.0;
        if (x.Count == 0 || y.Count == 0) return 0.0;
        var (small, large) = x.Count <= y.Count ? (x, y) : (y, x);
        int shared = small.Count(large.Contains);
        return (double)shared / small.Count;
    }
}
