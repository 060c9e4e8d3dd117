using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics.Plotting;

/// <summary>The charts of one or several runs' metrics, as chart specs (what to draw, not how).</summary>
public static class RunCharts
{
    public const int AverageWindow = 10;
    public static readonly ValueList<string> Metrics = ["return", "dormant", "loss"];

    /// <summary>Mean return per interval (faint) and its trailing average over <see cref="AverageWindow"/> intervals.</summary>
    public static ChartSpec Return(string run, MetricsTable table) => new(
        $"{run}: mean return", "frames", "mean return",
        ReturnSeries(table, 0, $"mean return (avg of {AverageWindow} intervals)", "per interval"));

    /// <summary>
    /// Overall dormant percentage at τ = 0 and at the configured τ (Eq. 1), and each layer's at τ as a
    /// thin dashed line (the paper's Fig. 2 and 8 show that layers differ).
    /// </summary>
    public static ChartSpec Dormant(string run, MetricsTable table) => new(
        $"{run}: dormant neurons", "frames", "dormant %",
        new[]
        {
            new ChartSeries("all layers, τ = 0", Points(table, r => 100 * r.DormantAtZero), 0),
            new ChartSeries("all layers, τ", Points(table, r => 100 * r.DormantAtTau), 1),
        }.Concat(table.Layers.Select((layer, i) => new ChartSeries($"{layer}, τ", Points(table, r => 100 * LayerAtTau(r, layer)), 2 + i, Dashed: true)))
         .ToValueList(),
        YMin: 0);

    static double LayerAtTau(MetricsRow row, string layer) =>
        row.LayersAtTau.FirstOrDefault(l => l.Layer == layer)?.Fraction ?? double.NaN;

    /// <summary>One metric of several runs in one chart; the legend names the runs.</summary>
    public static ChartSpec Overlay(string metric, IReadOnlyList<(string Run, MetricsTable Table)> runs) => metric switch
    {
        "return" => new("mean return", "frames", $"mean return (avg of {AverageWindow} intervals)",
            runs.SelectMany((r, i) => ReturnSeries(r.Table, i, r.Run, null)).ToValueList()),
        "dormant" => new("dormant neurons at τ", "frames", "dormant % at τ",
            runs.Select((r, i) => new ChartSeries(r.Run, Points(r.Table, row => 100 * row.DormantAtTau), i)).ToValueList(), YMin: 0),
        "loss" => new("loss", "frames", "mean loss per interval",
            runs.Select((r, i) => new ChartSeries(r.Run, Points(r.Table, row => row.Loss), i)).ToValueList()),
        _ => throw new ArgumentException($"unknown metric '{metric}'; use one of: {string.Join(", ", Metrics)}"),
    };

    static ValueList<ChartSeries> ReturnSeries(MetricsTable table, int colour, string averageLegend, string? rawLegend)
    {
        var averages = MovingAverage.Trailing(table.Rows.Select(r => r.MeanReturn).ToList(), AverageWindow);
        var smooth = table.Rows.Select((r, i) => new ChartPoint(r.Frames, averages[i])).Where(p => double.IsFinite(p.Y)).ToValueList();
        return ValueList.Of(
            new ChartSeries(rawLegend, Points(table, r => r.MeanReturn), colour, Faint: true),
            new ChartSeries(averageLegend, smooth, colour));
    }

    /// <summary>(frames, value) for every row whose value is finite: unmeasured intervals are skipped.</summary>
    static ValueList<ChartPoint> Points(MetricsTable table, Func<MetricsRow, double> value) =>
        table.Rows.Select(r => new ChartPoint(r.Frames, value(r))).Where(p => double.IsFinite(p.Y)).ToValueList();
}
