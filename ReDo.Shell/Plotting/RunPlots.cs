using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;

namespace ReDo.Shell.Plotting;

/// <summary>The standard plots of one run, written next to its metrics.csv: return.png and dormant.png (each with an .svg beside it).</summary>
public static class RunPlots
{
    /// <summary>Writes both plots from &lt;runFolder&gt;/metrics.csv and returns their PNG paths.</summary>
    public static IReadOnlyList<string> Write(IRunFiles files, string runFolder)
    {
        var table = MetricsFile.Load(files, runFolder);
        var run = MetricsFile.RunName(runFolder);
        return [ChartFigures.Save(files, RunCharts.Return(run, table), Path.Combine(runFolder, RunLayout.ReturnPlot)),
                ChartFigures.Save(files, RunCharts.Dormant(run, table), Path.Combine(runFolder, RunLayout.DormantPlot))];
    }
}
