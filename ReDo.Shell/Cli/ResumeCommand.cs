using System.CommandLine;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo resume &lt;run folder&gt;</c>: continues a stopped or killed run exactly from its newest good checkpoint.</summary>
public sealed class ResumeCommand(RunService runs, IRunFiles files) : ICliCommand
{
    public bool StopsWithCheckpoint => true;

    public Command Definition()
    {
        var folder = new Argument<string>("run folder") { Description = "a folder `redo train` wrote" };
        var command = new Command("resume", "continue a stopped or killed run from its newest good checkpoint") { folder };
        command.SetAction(r => Run(r.GetValue(folder)!));
        return command;
    }

    public int Run(string folder)
    {
        if (!files.DirectoryExists(folder)) throw new CliError($"run folder '{folder}' does not exist; pass the folder `redo train` wrote.");
        if (Runner.FinishedSummary(folder, files) is { } done)
        {
            Console.WriteLine($"{folder} is already finished: {done.Frames:N0} frames, {done.Updates:N0} updates, greedy mean return {done.EvalMeanReturn:0.00}. Nothing to do.");
            return 0;
        }
        return runs.RunTraining((output, stop) => CrashRecovery.ResumeWithRestarts(folder, files, output, stop));
    }
}
