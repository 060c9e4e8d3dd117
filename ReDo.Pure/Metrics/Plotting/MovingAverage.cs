namespace ReDo.Pure.Metrics.Plotting;

/// <summary>Trailing moving average that skips NaN (intervals without a finished episode).</summary>
public static class MovingAverage
{
    /// <summary>
    /// Element i is the mean of the finite values among items i−window+1 … i, or NaN when there are
    /// none; the first points average over what exists so far.
    /// </summary>
    public static double[] Trailing(IReadOnlyList<double> values, int window)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "window ≥ 1");
        var result = new double[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            double sum = 0;
            int n = 0;
            for (int j = Math.Max(0, i - window + 1); j <= i; j++)
                if (double.IsFinite(values[j])) { sum += values[j]; n++; }
            result[i] = n == 0 ? double.NaN : sum / n;
        }
        return result;
    }
}
