using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary><c>redo worker --queue &lt;folder&gt; [--parallel N] [--exit-when-empty] [--poll seconds]</c>: the hosted worker for long runs (N at once: one per core).</summary>
public sealed class WorkerCommand : ICommand
{
    public string Name => "worker";
    public string Summary => "run the specs of a queue folder one after another, resuming an interrupted one first: worker --queue <folder> [--parallel N (runs at once, one per core)] [--exit-when-empty]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        var queue = a.String("queue") ?? throw new CliError("name the queue folder: redo worker --queue queue (redo sweep writes specs into it).");
        bool exitWhenEmpty = a.Flag("exit-when-empty");
        double poll = a.Double("poll", 5, 0.1, 3600);
        int parallel = a.Int("parallel", 1, 1, 256);
        a.RejectUnknown();
        if (a.Positional.Count > 0) throw new CliError($"unexpected argument '{a.Positional[0]}'; the worker takes only options.");
        return TrainingHost.Run((stop, log) => new QueueWorker(new QueueFolders(queue), log, exitWhenEmpty, TimeSpan.FromSeconds(poll), parallel).Run(stop));
    }
}
