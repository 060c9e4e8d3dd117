using System.Globalization;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo analyze overlap &lt;run&gt; [--tau zero|tau] [--reference STEP] [--out folder]</c> (paper Fig. 5) and
/// <c>redo analyze rank &lt;runs…&gt; [--out folder]</c> (Table 7), over the dormancy-log.txt of runs.
/// Output goes to &lt;run&gt;/analysis unless --out names a folder.
/// </summary>
public sealed class AnalyzeCommand : ICommand
{
    public string Name => "analyze";
    public string Summary => "paper §3 analyses of runs: overlap <run> (Fig. 5), rank <runs…> (Table 7)";
    const string Usage = "redo analyze overlap <run> [--tau zero|tau] [--reference STEP] [--out folder] | redo analyze rank <runs…> [--out folder]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        if (a.Positional.Count == 0) throw new CliError($"name an analysis. Usage: {Usage}");
        var runs = a.Positional.Skip(1).ToList();
        if (runs.Count == 0) throw new CliError($"name a run folder. Usage: {Usage}");
        var output = a.String("out");
        switch (a.Positional[0])
        {
            case "overlap":
            {
                var threshold = a.Choice("tau", "tau", "zero", "tau") == "zero" ? MaskThreshold.Zero : MaskThreshold.Tau;
                var reference = a.String("reference") is { } r
                    ? long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : throw new CliError($"--reference '{r}' is not a gradient step (a whole number ≥ 0).")
                    : (long?)null;
                a.RejectUnknown(Usage);
                if (runs.Count != 1) throw new CliError("overlap analyses one run folder.");
                var result = PersistenceAnalysis.Run(runs[0], threshold, reference, output ?? Path.Combine(runs[0], "analysis"));
                var last = result.Rows[^1].Overall;
                Console.WriteLine($"{result.Rows.Count} logging steps; at gradient step {result.Rows[^1].GradientStep:N0}: {last.Dormant} dormant, " +
                                  $"overlap with the previous step {last.VsPrevious:P1}, with the reference step {last.VsReference:P1}");
                Console.WriteLine($"wrote {result.Csv} and {result.Plot}");
                return 0;
            }
            case "rank":
            {
                a.RejectUnknown(Usage);
                var (csv, plot, final) = RankAnalysis.Run(runs, output ?? Path.Combine(runs[0], "analysis"));
                foreach (var (run, last) in final)
                    Console.WriteLine($"{run}: at gradient step {last.Masks.GradientStep:N0} srank(δ=0.01) {last.SRank}, entropy effective rank {last.EffectiveRank:0.0}");
                Console.WriteLine($"wrote {csv} and {plot}");
                return 0;
            }
            default:
                throw new CliError($"unknown analysis '{a.Positional[0]}'. Usage: {Usage}");
        }
    }
}
