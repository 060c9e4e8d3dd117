using ReDo.Pure.Metrics;
using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Metrics;

namespace ReDo.Shell.Rendering;

/// <summary>The standard plots of one run, written next to its metrics.csv: return.png and dormant.png.</summary>
public static class RunPlots
{
    public const string ReturnFile = "return.png", DormantFile = "dormant.png";

    /// <summary>Writes both plots from &lt;runFolder&gt;/metrics.csv and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string runFolder)
    {
        var table = MetricsFile.Load(runFolder);
        var run = MetricsFile.RunName(runFolder);
        return [Save(RunCharts.Return(run, table), Path.Combine(runFolder, ReturnFile)),
                Save(RunCharts.Dormant(run, table), Path.Combine(runFolder, DormantFile))];
    }

    public static string Save(ChartSpec chart, string path)
    {
        var canvas = ChartRenderer.Render(chart);
        PngWriter.WriteRgb(path, canvas.Width, canvas.Height, canvas.Rgb);
        return path;
    }
}
