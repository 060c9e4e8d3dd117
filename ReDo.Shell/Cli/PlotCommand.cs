using System.CommandLine;
using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using ReDo.Shell.Plotting;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo plot &lt;run folders…&gt; [--out plot.png] [--metric return|dormant|loss]</c>: one run
/// without options writes its return.png and dormant.png into the folder; otherwise one PNG
/// overlays the chosen metric of every run (legend = folder names).
/// </summary>
public sealed class PlotCommand(IRunFiles files) : ICliCommand
{
    /// <param name="Metric">null: one run's return.png and dormant.png (or return, when overlaying).</param>
    public sealed record Parameters(IReadOnlyList<string> Folders, string? Metric, string? Output);

    public Command Definition()
    {
        var folders = new Argument<string[]>("run folders") { Description = "folders holding a metrics.csv", Arity = ArgumentArity.OneOrMore };
        // A misspelt option would otherwise be taken for a folder name.
        folders.Validators.Add(r =>
        {
            foreach (var t in r.Tokens.Where(t => t.Value.StartsWith("--")))
                r.AddError($"unknown option {t.Value}; known: --metric, --out.");
        });
        var metric = new Option<string?>("--metric") { Description = "metric to overlay" };
        metric.AcceptOnlyFromAmong([.. RunCharts.Metrics]);
        var output = CliOptions.Text("--out", "PNG file to write (default <metric>.png)");
        var command = new Command("plot", "plot runs' metrics.csv as PNG; one run without options writes its return.png and dormant.png") { folders, metric, output };
        command.SetAction(r => Run(new Parameters(r.GetValue(folders)!, r.GetValue(metric), r.GetValue(output))));
        return command;
    }

    public int Run(Parameters p)
    {
        var metricGiven = p.Metric is not null;
        var metric = p.Metric ?? "return";
        if (!RunCharts.Metrics.Contains(metric))
            throw new CliError($"--metric '{metric}' is not allowed; use one of: {string.Join(", ", RunCharts.Metrics)}.");
        var output = p.Output;
        var positional = p.Folders;
        if (positional.Count == 0)
            throw new CliError("name at least one run folder (a folder with a metrics.csv), e.g. 'redo plot runs/breakout-redo'.");
        if (output is not null && !output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new CliError($"--out '{output}' must name a .png file.");

        var runs = positional.Select(folder => (Run: MetricsFile.RunName(folder), Table: MetricsFile.Load(files, folder))).ToList();
        if (runs.Count == 1 && output is null && !metricGiven)
        {
            foreach (var path in RunPlots.Write(files, positional[0])) Print(path, runs[0].Table.Rows.Count);
            return 0;
        }
        var duplicate = runs.GroupBy(r => r.Run).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            runs = runs.Select((r, i) => (Run: $"{r.Run} ({positional[i]})", r.Table)).ToList();   // keep legends distinguishable

        output ??= $"{metric}.png";
        var directory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!files.DirectoryExists(directory))
            throw new CliError(files.Exists(directory)
                ? $"--out '{output}': '{directory}' is a file, not a folder; pass a path in an existing folder."
                : $"--out '{output}': folder '{directory}' does not exist; create it, or pass a path in an existing folder.");
        ChartFigures.Save(files, RunCharts.Overlay(metric, runs), output);
        Print(output, runs.Sum(r => r.Table.Rows.Count), runs.Count);
        return 0;
    }

    static void Print(string path, int rows, int runs = 1) =>
        Console.WriteLine($"wrote {path} ({runs} run{(runs > 1 ? "s" : "")}, {rows} rows)");
}
