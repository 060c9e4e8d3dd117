using ReDo.Shell.Agents;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo resume &lt;run folder&gt;</c>: continues a stopped or killed run exactly from its newest good checkpoint.</summary>
public sealed class ResumeCommand : ICommand
{
    public string Name => "resume";
    public string Summary => "continue a stopped or killed run from its newest good checkpoint: resume <run folder>";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        a.RejectUnknown();
        if (a.Positional.Count != 1) throw new CliError("name one run folder, e.g. redo resume runs/minatar-breakout-dqn-redo-seed0-….");
        var folder = a.Positional[0];
        if (!Directory.Exists(folder)) throw new CliError($"run folder '{folder}' does not exist; pass the folder `redo train` wrote.");
        if (Trainer.FinishedSummary(folder) is { } done)
        {
            Console.WriteLine($"{folder} is already finished: {done.Frames:N0} frames, {done.Updates:N0} updates, greedy mean return {done.EvalMeanReturn:0.00}. Nothing to do.");
            return 0;
        }
        return HostedTraining.Run((output, stop) => CrashRecovery.Resume(folder, output, stop));
    }
}
