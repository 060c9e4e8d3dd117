using System.CommandLine;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo analyze overlap &lt;run&gt;</c> (paper Fig. 5) and <c>redo analyze rank &lt;runs…&gt;</c> (Table 7),
/// over the dormancy-log.txt of runs. Output goes to &lt;run&gt;/analysis unless --out names a folder.
/// </summary>
public sealed class AnalyzeCommand : ICliCommand
{
    public sealed record OverlapParameters(string Run, MaskThreshold Threshold, long? ReferenceStep, string? Out);

    public Command Definition()
    {
        var run = new Argument<string>("run") { Description = "a run folder `redo train` wrote with dormancy logging" };
        var tau = CliOptions.Choice("--tau", "which mask: dormant at τ, or exactly zero (τ = 0)", "tau", "zero", "tau");
        var reference = CliOptions.Optional<long>("--reference", "the gradient step the masks are compared with (default: the first logged step after step 0)", 0, long.MaxValue);
        var overlapOut = CliOptions.Text("--out", "output folder (default <run>/analysis)");
        var overlap = new Command("overlap", "overlap of the dormant sets between logging steps (paper Fig. 5): writes overlap.csv and overlap.png") { run, tau, reference, overlapOut };
        overlap.SetAction(r => Overlap(new OverlapParameters(r.GetValue(run)!, r.GetValue(tau) == "zero" ? MaskThreshold.Zero : MaskThreshold.Tau,
            r.GetValue(reference), r.GetValue(overlapOut))));

        var runs = new Argument<string[]>("runs") { Description = "run folders `redo train` wrote with dormancy logging", Arity = ArgumentArity.OneOrMore };
        var rankOut = CliOptions.Text("--out", "output folder (default <first run>/analysis)");
        var rank = new Command("rank", "srank and effective rank of the penultimate features per logging step (paper Table 7): writes rank.csv and rank.png") { runs, rankOut };
        rank.SetAction(r => Rank(r.GetValue(runs)!, r.GetValue(rankOut)));

        return new Command("analyze", "paper §3 analyses of runs: overlap (Fig. 5), rank (Table 7)") { overlap, rank };
    }

    public static int Overlap(OverlapParameters p)
    {
        var result = PersistenceAnalysis.Run(p.Run, p.Threshold, p.ReferenceStep, p.Out ?? Path.Combine(p.Run, "analysis"));
        var last = result.Rows[^1].Overall;
        Console.WriteLine($"{result.Rows.Count} logging steps; at gradient step {result.Rows[^1].GradientStep:N0}: {last.Dormant} dormant, " +
                          $"overlap with the previous step {last.VsPrevious:P1}, with the reference step {last.VsReference:P1}");
        Console.WriteLine($"wrote {result.Csv} and {result.Plot}");
        return 0;
    }

    public static int Rank(IReadOnlyList<string> runs, string? output)
    {
        if (runs.Count == 0) throw new CliError("name at least one run folder.");
        var (csv, plot, final) = RankAnalysis.Run(runs, output ?? Path.Combine(runs[0], "analysis"));
        foreach (var (run, last) in final)
            Console.WriteLine($"{run}: at gradient step {last.Masks.GradientStep:N0} srank(δ=0.01) {last.SRank}, entropy effective rank {last.EffectiveRank:0.0}");
        Console.WriteLine($"wrote {csv} and {plot}");
        return 0;
    }
}
