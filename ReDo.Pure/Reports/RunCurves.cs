using ReDo.Pure.Metrics;

namespace ReDo.Pure.Reports;

/// <summary>
/// What a report reads from one run's metrics.csv: frames, gradient steps, the trailing mean of the
/// last 100 episode returns, the overall dormant % at τ = 0, at the run's τ (<see cref="Tau"/>) and at
/// τ = 0.1 (<see cref="DormantAtTenth"/>, null when the run cannot say), and SAC's greedy evaluation
/// return (NaN where not logged; all NaN in DQN runs, which have no such column).
/// </summary>
public sealed record RunCurves(long[] Frames, long[] GradientSteps, double[] ReturnLast100, double[] DormantAtZero, double[] DormantAtTau, bool ReturnApproximated, double[] EvalReturn)
{
    public const string ReturnColumn = "return_last100";

    /// <summary>The run's own (recycling) τ, as its config.json says; NaN when unknown.</summary>
    public double Tau { get; init; } = double.NaN;

    /// <summary>The dormant % at τ = 0.1: the metrics column when the run logged it, its τ column when its τ is 0.1, else null.</summary>
    public double[]? DormantAtTenth { get; init; }

    /// <summary>
    /// <paramref name="tau"/>: the run's τ from its config.json (NaN when unknown). Runs written before
    /// the τ = 0.1 column existed have it only when they recycled at τ = 0.1.
    /// </summary>
    public static RunCurves From(CsvColumns csv, double tau = double.NaN)
    {
        long[] L(string c) => csv[c].Select(v => (long)v).ToArray();
        bool exact = csv.Has(ReturnColumn);
        var ret = exact ? csv[ReturnColumn] : TrailingFromIntervals(csv["episodes"], csv["mean_return"], 100);
        var eval = csv.Has(ScoreMeasure.EvalReturn) ? csv[ScoreMeasure.EvalReturn] : Enumerable.Repeat(double.NaN, csv.RowCount).ToArray();
        var tenth = csv.Has(MetricsCsv.AtTenthColumn) ? csv[MetricsCsv.AtTenthColumn] : tau == DormancyComparison.Tenth ? csv["dormant_pct_tau"] : null;
        return new RunCurves(L("frames"), L("gradient_steps"), ret, csv["dormant_pct_tau0"], csv["dormant_pct_tau"], !exact, eval) { Tau = tau, DormantAtTenth = tenth };
    }

    /// <summary>The dormant % at <paramref name="tau"/> (0, 0.1 or the run's own τ), or null when this run did not log it.</summary>
    public double[]? DormantAt(double tau) =>
        tau == 0 ? DormantAtZero : tau == DormancyComparison.Tenth && DormantAtTenth is not null ? DormantAtTenth : tau == Tau ? DormantAtTau : null;

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
