using System.CommandLine;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo run-spec &lt;spec.json&gt; [--out folder]</c>: one spec as one job (a Slurm array task, a Kubernetes indexed Job); rerunning it resumes.</summary>
public sealed class RunSpecCommand(RunService runs, IRunFiles files) : ICliCommand
{
    public bool StopsWithCheckpoint => true;

    public Command Definition()
    {
        var specFile = new Argument<string>("spec.json") { Description = "a run spec written by `redo sweep`" };
        var output = CliOptions.Text("--out", "run folder (default runs/<spec name>)");
        var command = new Command("run-spec", "run (or resume, or report finished) one run spec as a standalone job") { specFile, output };
        command.SetAction(r => Run(r.GetValue(specFile)!, r.GetValue(output)));
        return command;
    }

    public int Run(string specFile, string? outFolder)
    {
        var spec = RunSpecFiles.Load(specFile, files);
        RunSpecFiles.Resolve(spec);   // a bad spec fails here, before the host starts
        var folder = outFolder ?? Path.Combine("runs", spec.Name);
        Console.WriteLine($"run spec {spec.Name} → {folder}");
        return runs.RunTraining((output, stop) => SpecRunner.Run(spec, folder, files, output, stop));
    }
}
