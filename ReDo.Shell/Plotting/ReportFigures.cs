using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Shell.Files;
using ScottPlot;

namespace ReDo.Shell.Plotting;

/// <summary>
/// The report's figures: curves with bands, aggregate bars with interval whiskers, performance profiles
/// (the titles, made in ReDo.Pure, say what the bands are). Legends sit outside the plot area, on the
/// right, so they never hide the first frames, where dormancy peaks.
/// </summary>
public static class ReportFigures
{
    /// <summary>One line per series (mean over runs) over its shaded band.</summary>
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
        plot.ShowLegend(Edge.Right);
        return FigureFiles.Save(files, plot, path);
    }

    /// <summary>
    /// One bar per series at its point estimate, a whisker over its interval. The series are named in a
    /// legend beside the plot (label and value), not under the bars, where long labels such as
    /// "DQN · RR 0.25" were cut off; the bars keep their series' colours from the other figures.
    /// </summary>
    public static string Bars(IRunFiles files, IReadOnlyList<(string Label, IntervalEstimate Estimate)> bars, IReadOnlyList<string> seriesOrder, string title, string yLabel, string path)
    {
        var plot = new Plot();
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, e) = bars[i];
            var color = FigureFiles.SeriesColor(IndexOf(seriesOrder, label));
            var bar = plot.Add.Bar(position: i, value: e.Point);
            bar.Color = color;
            var whisker = plot.Add.Line(i, e.Lower, i, e.Upper);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
            foreach (var y in new[] { e.Lower, e.Upper })
            {
                var cap = plot.Add.Line(i - 0.15, y, i + 0.15, y);
                cap.Color = Colors.Black;
                cap.LineWidth = 2;
            }
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{label}: {e.Point:0.###}", FillColor = color });
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, bars.Count).Select(i => new Tick(i, "")).ToArray());
        plot.Title(title);
        plot.YLabel(yLabel);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        return FigureFiles.Save(files, plot, path);
    }

    /// <summary>Fraction of runs above each normalised score τ, with its band, one line per series; the x axis spans the thresholds, fitted to the scores in ReDo.Pure.</summary>
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
        plot.ShowLegend(Edge.Right);
        return FigureFiles.Save(files, plot, path);
    }

    static int IndexOf(IReadOnlyList<string> order, string label) => Math.Max(0, order.ToList().IndexOf(label));
}
