using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;

namespace ReDo.Shell.Cli;

/// <summary><c>redo report &lt;queue&gt; [--out dir] [--resamples 2000] [--seed 0] [--random csv] [--published csv]</c>.</summary>
public sealed class ReportCommand : ICommand
{
    public string Name => "report";
    public string Summary => "aggregate an experiment's finished runs into report.md + figures: report <queue> [--out dir] [--resamples 2000] [--seed 0]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        var outDir = a.String("out");
        var resamples = a.Int("resamples", BootstrapSettings.MinResamples, BootstrapSettings.MinResamples, 1_000_000);
        var seed = a.UInt("seed", 0);
        var anchors = new AnchorFiles(a.String("random", AnchorFiles.DefaultRandomPolicy), a.String("published", AnchorFiles.DefaultPublished));
        a.RejectUnknown("redo report <queue> [--out dir] [--resamples 2000] [--seed 0] [--random csv] [--published csv]");
        if (a.Positional.Count != 1) throw new CliError("name the experiment's queue folder: redo report <dir>.");
        var queue = a.Positional[0];
        new ExperimentReporting(Console.Out).Write(queue, outDir ?? Path.Combine(queue, "report"), anchors, new BootstrapSettings(resamples, 0.95, seed));
        return 0;
    }
}
