using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics.Plotting;

/// <summary>
/// An axis range widened to "nice" round ends (1, 2, 2.5 or 5 × 10^k steps) and its tick values,
/// so the labels read like 0, 250k, 500k rather than 3, 247 913, ….
/// </summary>
public sealed record AxisTicks(double Min, double Max, double Step, ValueList<double> Values)
{
    /// <summary>Ticks for data in [lo, hi] with at most about <paramref name="maxTicks"/> ticks; empty or flat data still gets a usable axis.</summary>
    public static AxisTicks For(double lo, double hi, int maxTicks = 6)
    {
        if (maxTicks < 2) throw new ArgumentOutOfRangeException(nameof(maxTicks), maxTicks, "at least 2 ticks");
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) (lo, hi) = (0, 1);
        if (lo > hi) (lo, hi) = (hi, lo);
        if (hi - lo < 1e-12 * Math.Max(1, Math.Abs(hi)))
            (lo, hi) = lo == 0 ? (0, 1) : (lo - Math.Abs(lo) * 0.5, hi + Math.Abs(hi) * 0.5);
        double step = NiceStep((hi - lo) / (maxTicks - 1));
        double min = Math.Floor(lo / step) * step, max = Math.Ceiling(hi / step) * step;
        // k·step is rounded, and can land just inside the data (found at REDO_PROPERTY_RUNS=10000:
        // hi = −888.77, step 2e−4 gave max = −888.7700000000001): widen by a step when it does.
        if (min > lo) min -= step;
        if (max < hi) max += step;
        int count = (int)Math.Round((max - min) / step) + 1;
        // Multiples of the step, computed from integers so 0.1 + 0.2 noise never shows in a label.
        long first = (long)Math.Round(min / step);
        var values = Enumerable.Range(0, count).Select(i => (first + i) * step).ToValueList();
        return new AxisTicks(min, max, step, values);
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
            if (m * magnitude >= rough * (1 - 1e-9)) return m * magnitude;
        return 10 * magnitude;
    }
}
