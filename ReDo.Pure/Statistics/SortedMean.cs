namespace ReDo.Pure.Statistics;

/// <summary>
/// The mean of values in ascending order, summed as offsets from the smallest value and clamped to
/// [min, max]. Why: the plain sum of k copies of c is not always k·c in binary (0.1 + 0.1 + 0.1), so
/// the mean of equal values would not be that value; offsets from the minimum are exactly 0 then, and
/// the true mean always lies in [min, max], so the clamp only removes rounding error.
/// </summary>
public static class SortedMean
{
    /// <param name="ascending">Values sorted ascending (not checked, for speed in the bootstrap).</param>
    public static double Of(ReadOnlySpan<double> ascending)
    {
        if (ascending.Length == 0) throw new ArgumentException("the mean of no values is undefined");
        double lo = ascending[0], hi = ascending[^1];
        double offsets = 0;
        foreach (var v in ascending) offsets += v - lo;
        return Math.Clamp(lo + offsets / ascending.Length, lo, hi);
    }

    public static double OfUnsorted(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return Of(a);
    }
}
