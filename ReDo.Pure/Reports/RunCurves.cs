namespace ReDo.Pure.Reports;

/// <summary>
/// What a report reads from one run's metrics.csv: frames, gradient steps, the trailing mean of the
/// last 100 episode returns, the overall dormant % at τ = 0 and at the run's τ, and SAC's greedy
/// evaluation return (NaN where not logged; all NaN in DQN runs, which have no such column).
/// </summary>
public sealed record RunCurves(long[] Frames, long[] GradientSteps, double[] ReturnLast100, double[] DormantAtZero, double[] DormantAtTau, bool ReturnApproximated, double[] EvalReturn)
{
    public const string ReturnColumn = "return_last100";

    public static RunCurves From(CsvColumns csv)
    {
        long[] L(string c) => csv[c].Select(v => (long)v).ToArray();
        bool exact = csv.Has(ReturnColumn);
        var ret = exact ? csv[ReturnColumn] : TrailingFromIntervals(csv["episodes"], csv["mean_return"], 100);
        var eval = csv.Has(ScoreMeasure.EvalReturn) ? csv[ScoreMeasure.EvalReturn] : Enumerable.Repeat(double.NaN, csv.RowCount).ToArray();
        return new RunCurves(L("frames"), L("gradient_steps"), ret, csv["dormant_pct_tau0"], csv["dormant_pct_tau"], !exact, eval);
    }

    /// <summary>The column a report scores by (<see cref="ScoreMeasure"/>).</summary>
    public double[] Scores(string measure) => measure switch
    {
        ScoreMeasure.ReturnLast100 => ReturnLast100,
        ScoreMeasure.EvalReturn => EvalReturn,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, $"use one of {string.Join(", ", ScoreMeasure.All)}"),
    };

    /// <summary>
    /// For metrics.csv files written before <c>return_last100</c> existed: at each row, the episode-weighted
    /// mean of the interval means going back until at least <paramref name="window"/> episodes are covered
    /// (whole intervals, so slightly more than 100 episodes). NaN before the first finished episode.
    /// </summary>
    public static double[] TrailingFromIntervals(double[] episodes, double[] means, int window)
    {
        var result = new double[episodes.Length];
        for (int i = 0; i < episodes.Length; i++)
        {
            double n = 0, sum = 0;
            for (int j = i; j >= 0 && n < window; j--)
                if (episodes[j] > 0 && !double.IsNaN(means[j])) { n += episodes[j]; sum += episodes[j] * means[j]; }
            result[i] = n > 0 ? sum / n : double.NaN;
        }
        return result;
    }
}
