using System.CommandLine;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo worker --queue &lt;folder&gt; [--parallel N] [--exit-when-empty] [--poll seconds]</c>: the hosted worker for long runs (N at once: one per core).</summary>
public sealed class WorkerCommand(RunService runs, IRunFiles files) : ICliCommand
{
    public bool StopsWithCheckpoint => true;

    public sealed record Parameters(string Queue, bool ExitWhenEmpty, double PollSeconds, int Parallel = 1);

    public Command Definition()
    {
        var queue = CliOptions.Text("--queue", "queue folder (redo sweep writes specs into it)", required: true);
        var exitWhenEmpty = CliOptions.Flag("--exit-when-empty", "stop when the queue holds no pending spec");
        var poll = CliOptions.Double("--poll", "seconds between looks at an empty queue", 5, 0.1, 3600);
        var parallel = CliOptions.Int("--parallel", "runs at once, each on its own thread (one per core)", 1, 1, 256);
        var command = new Command("worker", "run the specs of a queue folder, resuming an interrupted one first; --parallel N runs N at once") { queue, exitWhenEmpty, poll, parallel };
        command.SetAction(r => Run(new Parameters(r.GetValue(queue)!, r.GetValue(exitWhenEmpty), r.GetValue(poll), r.GetValue(parallel))));
        return command;
    }

    public int Run(Parameters p)
    {
        var (queue, exitWhenEmpty, poll, parallel) = p;
        if (files.Exists(queue)) throw new CliError($"--queue '{queue}' is a file; pass the queue folder `redo sweep` wrote (it holds the specs *.json).");
        return runs.Run((stop, log) => new QueueWorker(new QueueFolders(queue, files), files, log, exitWhenEmpty, TimeSpan.FromSeconds(poll), parallel).Run(stop));
    }
}
