namespace ReDo.Pure.Statistics;

/// <summary>One logged point of a run's learning curve: frames so far and the trailing mean of the last 100 episode returns.</summary>
public readonly record struct CurvePoint(long Frames, double Value);

/// <summary>
/// A run's score (docs/statistics.md): the mean of its <c>return_last100</c> over the final 10 % of
/// training, i.e. over the logged points with frames &gt; 0.9·T where T is the run's total frames.
/// Averaging a window rather than taking the last point lowers the variance of a single log row.
/// </summary>
public static class RunScore
{
    public const double FinalFraction = 0.1;

    /// <returns>The score, or NaN when no point with a value lies in the window (the run has not got there).</returns>
    public static double Of(IEnumerable<CurvePoint> curve, long totalFrames, double finalFraction = FinalFraction)
    {
        if (totalFrames <= 0) throw new ArgumentOutOfRangeException(nameof(totalFrames), totalFrames, "a run trains for at least one frame");
        if (!(finalFraction > 0 && finalFraction <= 1)) throw new ArgumentOutOfRangeException(nameof(finalFraction), finalFraction, "the window is a fraction in (0, 1]");
        double start = totalFrames * (1 - finalFraction);
        var window = curve.Where(p => p.Frames > start && p.Frames <= totalFrames && !double.IsNaN(p.Value)).Select(p => p.Value).ToList();
        return window.Count == 0 ? double.NaN : SortedMean.OfUnsorted(window);
    }
}
