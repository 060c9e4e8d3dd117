using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Files;
using ScottPlot;

namespace ReDo.Shell.Plotting;

/// <summary>
/// Draws a <see cref="ChartSpec"/> (what to draw, decided in ReDo.Pure) with ScottPlot and writes it
/// through <see cref="FigureFiles"/>: the run plots, <c>redo plot</c> overlays and the analyses' charts.
/// </summary>
public static class ChartFigures
{
    /// <summary>Writes <paramref name="pngPath"/> and the .svg beside it; returns <paramref name="pngPath"/>.</summary>
    public static string Save(IRunFiles files, ChartSpec spec, string pngPath)
    {
        if (!pngPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{pngPath}' must name a .png file (its .svg is written beside it)", nameof(pngPath));
        FigureFiles.Save(files, Plot(spec), pngPath[..^4]);
        return pngPath;
    }

    public static Plot Plot(ChartSpec spec)
    {
        var plot = new Plot();
        foreach (var series in spec.Series.OrderBy(s => s.Faint ? 0 : 1))   // faint lines underneath
            Add(plot, series);
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        plot.Axes.AutoScale();
        if (spec.YMin is not null || spec.YMax is not null)
        {
            var limits = plot.Axes.GetLimits();
            double bottom = spec.YMin ?? limits.Bottom, top = spec.YMax ?? limits.Top;
            plot.Axes.SetLimitsY(bottom, top > bottom ? top : bottom + 1);
        }
        if (spec.Series.Any(s => s.Legend is not null)) plot.ShowLegend(Edge.Right);   // outside: never hides a line
        return plot;
    }

    static void Add(Plot plot, ChartSeries series)
    {
        var points = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        if (points.Length == 0) return;
        var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
        var colour = FigureFiles.SeriesColor(series.Colour);
        line.Color = series.Faint ? colour.WithAlpha(0.35) : colour;
        line.LineWidth = series.Faint || series.Dashed ? 1 : 2;
        // A lone point is a dot with no line to dash; a dashed dot is drawn with a broken outline in
        // the PNG, and Skia's SVG writer drops it with "Unsupported path effect in addPaint." on stdout.
        line.LinePattern = series.Dashed && points.Length > 1 ? LinePattern.Dashed : LinePattern.Solid;
        line.MarkerSize = points.Length == 1 ? 6 : 0;   // a lone point is a dot, not an invisible line
        if (series.Legend is not null) line.LegendText = series.Legend;
    }
}
