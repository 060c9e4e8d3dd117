namespace ReDo.Pure.Metrics;

/// <summary>What a metrics row shows in TensorBoard: tag and value per scalar, as in metrics.csv (dormancy in percent).</summary>
public static class TensorBoardScalars
{
    /// <summary>The scalars of one row, by TensorBoard tag; NaN (not measured) values are left out.</summary>
    public static IEnumerable<(string Tag, double Value)> Of(MetricsRow row)
    {
        IEnumerable<(string, double)> all =
        [
            ("return/mean", row.MeanReturn),
            ("return/last100", row.ReturnLast100),
            ("return/episodes", row.Episodes),
            ("loss", row.Loss),
            ("dormant/tau0", 100 * row.DormantAtZero),
            ("dormant/tau", 100 * row.DormantAtTau),
            .. row.LayersAtZero.Select(l => ($"dormant/tau0/{l.Layer}", 100 * l.Fraction)),
            .. row.LayersAtTau.Select(l => ($"dormant/tau/{l.Layer}", 100 * l.Fraction)),
            ("recycle/neurons", row.NeuronsRecycled),
            ("recycle/output_change", row.OutputChange),
            ("perf/gradient_steps", row.GradientSteps),
            .. row.Extras.Select(x => ($"agent/{x.Name}", x.Value)),
        ];
        return all.Where(s => !double.IsNaN(s.Item2));
    }
}
