namespace ReDo.Shell.Benchmarks;

/// <summary>The median the side-by-side benches report (mean of the middle two for an even count).</summary>
public static class BenchMedian
{
    public static double Of(IEnumerable<double> xs)
    {
        var o = xs.Order().ToArray();
        return o.Length % 2 == 1 ? o[o.Length / 2] : (o[o.Length / 2 - 1] + o[o.Length / 2]) / 2;
    }
}
