using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Metrics;
using ReDo.Shell.Rendering;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo plot &lt;run folders…&gt; [--out plot.png] [--metric return|dormant|loss]</c>: one run
/// without options writes its return.png and dormant.png into the folder; otherwise one PNG
/// overlays the chosen metric of every run (legend = folder names).
/// </summary>
public sealed class PlotCommand : ICommand
{
    public string Name => "plot";
    public string Summary => "plot runs' metrics.csv as PNG (<run folders…> [--out plot.png] [--metric return|dormant|loss])";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        var metricGiven = a.String("metric") is not null;
        var metric = a.Choice("metric", "return", RunCharts.Metrics);
        var output = a.String("out");
        a.RejectUnknown();
        if (a.Positional.Count == 0)
            throw new CliError("name at least one run folder (a folder with a metrics.csv), e.g. 'redo plot runs/breakout-redo'.");
        if (output is not null && !output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new CliError($"--out '{output}' must name a .png file.");

        var runs = a.Positional.Select(folder => (Run: MetricsFile.RunName(folder), Table: MetricsFile.Load(folder))).ToList();
        if (runs.Count == 1 && output is null && !metricGiven)
        {
            foreach (var path in RunPlots.Write(a.Positional[0])) Print(path, runs[0].Table.Rows.Count);
            return 0;
        }
        var duplicate = runs.GroupBy(r => r.Run).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            runs = runs.Select((r, i) => (Run: $"{r.Run} ({a.Positional[i]})", r.Table)).ToList();   // keep legends distinguishable

        output ??= $"{metric}.png";
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(directory)) throw new CliError($"--out '{output}': folder '{directory}' does not exist.");
        RunPlots.Save(RunCharts.Overlay(metric, runs), output);
        Print(output, runs.Sum(r => r.Table.Rows.Count), runs.Count);
        return 0;
    }

    static void Print(string path, int rows, int runs = 1) =>
        Console.WriteLine($"wrote {path} ({runs} run{(runs > 1 ? "s" : "")}, {rows} rows)");
}
