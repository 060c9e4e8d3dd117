using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Shell.Metrics;
using ScottPlot;

namespace ReDo.Shell.Plotting;

/// <summary>The report's figures: curves with 95 % bands, aggregate bars with interval whiskers, performance profiles.</summary>
public static class ReportFigures
{
    /// <summary>One line per series (mean over runs) over a shaded 95 % interval band.</summary>
    public static string Curves(IRunFiles files, IReadOnlyList<CurveBand> bands, IReadOnlyList<string> seriesOrder, string title, string yLabel, string path)
    {
        var plot = new Plot();
        foreach (var band in bands)
        {
            var color = FigureFiles.SeriesColor(IndexOf(seriesOrder, band.Label));
            var x = band.X.Select(v => v / 1e6).ToArray();
            var fill = plot.Add.FillY(x, band.Lower, band.Upper);
            fill.FillColor = color.WithAlpha(0.2);
            fill.LineWidth = 0;
            var line = plot.Add.ScatterLine(x, band.Mean);
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = band.Label;
        }
        plot.Title(title);
        plot.XLabel("frames (millions)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return FigureFiles.Save(files, plot, path);
    }

    /// <summary>One bar per series at its point estimate, a whisker over its 95 % interval.</summary>
    public static string Bars(IRunFiles files, IReadOnlyList<(string Label, IntervalEstimate Estimate)> bars, string title, string yLabel, string path)
    {
        var plot = new Plot();
        var ticks = new List<Tick>();
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, e) = bars[i];
            var bar = plot.Add.Bar(position: i, value: e.Point);
            bar.Color = FigureFiles.SeriesColor(i);
            var whisker = plot.Add.Line(i, e.Lower, i, e.Upper);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
            foreach (var y in new[] { e.Lower, e.Upper })
            {
                var cap = plot.Add.Line(i - 0.15, y, i + 0.15, y);
                cap.Color = Colors.Black;
                cap.LineWidth = 2;
            }
            ticks.Add(new Tick(i, label));
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = bars.Count > 4 ? 30 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = bars.Count > 4 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        return FigureFiles.Save(files, plot, path);
    }

    /// <summary>Fraction of runs above each normalised score τ, with the 95 % band, one line per series.</summary>
    public static string Profiles(IRunFiles files, IReadOnlyList<(string Label, IReadOnlyList<ProfilePoint> Points)> profiles, IReadOnlyList<string> seriesOrder, string path)
    {
        var plot = new Plot();
        foreach (var (label, points) in profiles)
        {
            if (points.Count == 0) continue;
            var color = FigureFiles.SeriesColor(IndexOf(seriesOrder, label));
            var x = points.Select(p => p.Tau).ToArray();
            var fill = plot.Add.FillY(x, points.Select(p => p.Fraction.Lower).ToArray(), points.Select(p => p.Fraction.Upper).ToArray());
            fill.FillColor = color.WithAlpha(0.2);
            fill.LineWidth = 0;
            var line = plot.Add.ScatterLine(x, points.Select(p => p.Fraction.Point).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.LegendText = label;
        }
        plot.Title("Performance profile (score distribution)");
        plot.XLabel("normalised score τ");
        plot.YLabel("fraction of runs with score > τ");
        plot.ShowLegend(Alignment.UpperRight);
        return FigureFiles.Save(files, plot, path);
    }

    static int IndexOf(IReadOnlyList<string> order, string label) => Math.Max(0, order.ToList().IndexOf(label));
}
