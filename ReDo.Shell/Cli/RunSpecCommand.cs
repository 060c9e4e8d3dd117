using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo run-spec &lt;spec.json&gt; [--out folder]</c>: one spec as one job (a Slurm array task, a Kubernetes indexed Job); rerunning it resumes.</summary>
public sealed class RunSpecCommand : ICommand
{
    public string Name => "run-spec";
    public string Summary => "run (or resume, or report finished) one run spec as a standalone job: run-spec <spec.json> [--out folder]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        var outFolder = a.String("out");
        a.RejectUnknown();
        if (a.Positional.Count != 1) throw new CliError("name one run spec, e.g. redo run-spec queue/minatar-breakout-dqn-seed1.json.");
        var spec = RunSpecFiles.Load(a.Positional[0]);
        RunSpecFiles.Resolve(spec);   // a bad spec fails here, before the host starts
        var folder = outFolder ?? Path.Combine("runs", spec.Name);
        Console.WriteLine($"run spec {spec.Name} → {folder}");
        return HostedTraining.Run((output, stop) => SpecRunner.Run(spec, folder, output, stop));
    }
}
