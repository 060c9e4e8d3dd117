using ReDo.Pure;
using Microsoft.Extensions.Logging;
using ReDo.Pure.Runs;
using ReDo.Shell.Agents;

namespace ReDo.Shell.Runs;

/// <summary>
/// `redo worker`: takes specs from a queue folder one after another (an interrupted one first, see
/// <see cref="QueueOrder"/>), runs each with <see cref="SpecRunner"/> and moves it to done/ or to
/// failed/ with the reason. A stop request checkpoints the current run and leaves its spec in
/// running/, so the next worker continues it. Logs the current run, frames, frames/s and ETAs.
/// With <c>parallel</c> &gt; 1 it runs that many specs at once, each on its own thread (torch's
/// thread count and grad mode are per thread; each run sets its own Run:Threads, 1 by default).
/// Runs in one process do not disturb each other's numbers (<c>ConcurrentDeterminismTests</c>).
/// If one slot halts (disk full, a resumable failure), the others are stopped with a checkpoint.
/// </summary>
public sealed class QueueWorker(QueueFolders queue, ILogger log, bool exitWhenEmpty, TimeSpan? poll = null, int parallel = 1)
{
    readonly TimeSpan _poll = poll ?? TimeSpan.FromSeconds(5);
    readonly object _gate = new();
    readonly HashSet<string> _claimed = [];   // specs a slot of this process is running
    int _finished, _failed;

    public int Run(CancellationToken stop)
    {
        if (parallel < 1) throw new ArgumentOutOfRangeException(nameof(parallel), parallel, "at least one run at a time");
        queue.CreateAll();
        using var lockFile = TakeLock();
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var codes = new int[parallel];
        if (parallel == 1) codes[0] = Slot(halt);
        else
        {
            var threads = Enumerable.Range(0, parallel).Select(k => new Thread(() => codes[k] = Slot(halt)) { Name = $"redo-worker-slot-{k}" }).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        log.LogInformation("queue {Queue}: {Done} run(s) finished, {Failed} failed in this session", queue.Root, _finished, _failed);
        return codes.Max();
    }

    /// <summary>One slot: claims the next spec (interrupted first), runs it, until the queue is empty or a stop.</summary>
    int Slot(CancellationTokenSource halt)
    {
        var stop = halt.Token;
        while (!stop.IsCancellationRequested)
        {
            string? next;
            bool interrupted;
            lock (_gate)
            {
                var running = queue.InRunning().Where(n => !_claimed.Contains(n)).ToList();
                next = QueueOrder.Next(running, queue.Pending());
                interrupted = next is not null && running.Contains(next);
                if (next is not null)
                {
                    _claimed.Add(next);
                    if (!interrupted) File.Move(Path.Combine(queue.Root, next + RunSpec.Extension), Path.Combine(queue.Running, next + RunSpec.Extension));
                }
            }
            if (next is null)
            {
                if (exitWhenEmpty) break;
                stop.WaitHandle.WaitOne(_poll);
                continue;
            }
            if (interrupted) log.LogInformation("continuing interrupted run {Run}", next);
            var result = RunOne(next, Path.Combine(queue.Running, next + RunSpec.Extension), stop);
            lock (_gate) _claimed.Remove(next);
            switch (result)
            {
                case Result.Done: Interlocked.Increment(ref _finished); break;
                case Result.Failed: Interlocked.Increment(ref _failed); break;
                case Result.Stopped: log.LogInformation("stopped; {Run} stays in running/ and is continued first next time", next); return 0;
                case Result.Halted: halt.Cancel(); return 1;
            }
        }
        return 0;
    }

    enum Result { Done, Failed, Stopped, Halted }

    Result RunOne(string name, string specPath, CancellationToken stop)
    {
        try
        {
            var spec = RunSpecFiles.Load(specPath);
            long queuedFrames = queue.Pending().Sum(FramesOf) / parallel;   // the queue drains `parallel` runs at a time
            int position = queue.Pending().Count;
            log.LogInformation("run {Run}: {Queued} more spec(s) queued", name, position);
            var notes = new LogWriter(log, name);
            var summary = SpecRunner.Run(spec, queue.RunFolder(name), notes, stop, p =>
                log.LogInformation("{Run}: frames {Frames:N0}/{Total:N0}, {Fps:N0} frames/s, ETA run {RunEta}, queue {QueueEta}",
                    name, p.Frames, p.TotalFrames, p.FramesPerSecond, Eta.Text(p.Eta),
                    Eta.Text(Eta.For(p.TotalFrames - p.Frames + queuedFrames, p.SessionFramesPerSecond))));
            if (!summary.Finished) return Result.Stopped;
            File.Move(specPath, Path.Combine(queue.Done, name + RunSpec.Extension), overwrite: true);
            log.LogInformation("done {Run}: {Frames:N0} frames, greedy mean return {Return:0.00} → {Folder}", name, summary.Frames, summary.EvalMeanReturn, queue.RunFolder(name));
            return Result.Done;
        }
        catch (RunHaltedException e) when (e.Resumable)
        {
            log.LogError("{Run}: {Message} The worker stops; {Run} stays in running/.", name, e.Message, name);
            return Result.Halted;
        }
        catch (DiskFullException e)
        {
            log.LogError("{Run}: {Message}; the worker stops and {Run} stays in running/.", name, e.Message, name);
            return Result.Halted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else is this run's problem, not the queue's: record it and go on with the next spec.
            Fail(name, specPath, e.Message);
            return Result.Failed;
        }
    }

    void Fail(string name, string specPath, string reason)
    {
        File.WriteAllText(Path.Combine(queue.Failed, name + ".reason.txt"), reason + Environment.NewLine);
        File.Move(specPath, Path.Combine(queue.Failed, name + RunSpec.Extension), overwrite: true);
        log.LogError("failed {Run}: {Reason} (spec moved to failed/)", name, reason);
    }

    long FramesOf(string pendingName)
    {
        try { return RunSpecFiles.Resolve(RunSpecFiles.Load(Path.Combine(queue.Root, pendingName + RunSpec.Extension))).Run.Frames; }
        catch (InputException) { return 0; }   // reported when its turn comes
    }

    /// <summary>One worker per queue: the lock is held open for the worker's life and released by the OS even after kill -9.</summary>
    FileStream TakeLock()
    {
        try { return new FileStream(queue.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException) { throw new RunFolderException($"another worker holds {queue.Lock}; run one worker per queue folder (use several queue folders for several workers)."); }
    }

    /// <summary>Notes of the trainer (checkpoint fallbacks, retries, the end line) as log lines.</summary>
    sealed class LogWriter(ILogger log, string run) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void WriteLine(string? value) { if (!string.IsNullOrEmpty(value)) log.LogInformation("{Run}: {Note}", run, value); }
    }
}
