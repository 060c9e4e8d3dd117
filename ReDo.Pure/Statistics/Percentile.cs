namespace ReDo.Pure.Statistics;

/// <summary>NumPy's default percentile (linear interpolation between order statistics, Hyndman–Fan type 7).</summary>
public static class Percentile
{
    /// <param name="ascending">Sorted ascending.</param>
    /// <param name="q">In [0, 100].</param>
    public static double Of(ReadOnlySpan<double> ascending, double q)
    {
        if (ascending.Length == 0) throw new ArgumentException("the percentile of no values is undefined");
        if (!(q >= 0 && q <= 100)) throw new ArgumentOutOfRangeException(nameof(q), q, "a percentile lies in [0, 100]");
        double h = (ascending.Length - 1) * (q / 100);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, ascending.Length - 1);
        double a = ascending[lo], b = ascending[hi];
        // a + t·(b − a) can leave [a, b] by rounding; the clamp keeps the interpolant between its neighbours.
        return Math.Clamp(a + (h - lo) * (b - a), a, b);
    }
}
