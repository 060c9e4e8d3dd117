using ReDo.Pure;
using Microsoft.Extensions.Logging;
using ReDo.Pure.Runs;
using ReDo.Shell.Files;

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
public sealed class QueueWorker(QueueFolders queue, IRunFiles files, ILogger log, bool exitWhenEmpty, TimeSpan? poll = null, int parallel = 1)
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
        int outages = 0;
        while (!stop.IsCancellationRequested)
        {
            if (!files.DirectoryExists(queue.Root) || !files.DirectoryExists(queue.Running))
            {
                log.LogError("queue folder {Queue} (or its running/) is gone; the worker stops. Restore it, or start the worker on another queue.", queue.Root);
                halt.Cancel();
                return 1;
            }
            string? next;
            bool interrupted;
            try
            {
                lock (_gate)
                {
                    var running = queue.InRunning().Where(n => !_claimed.Contains(n)).ToList();
                    next = QueueOrder.Next(running, queue.Pending());
                    interrupted = next is not null && running.Contains(next);
                    if (next is not null)
                    {
                        if (!interrupted) files.Rename(Path.Combine(queue.Root, next + RunSpec.Extension), Path.Combine(queue.Running, next + RunSpec.Extension));
                        _claimed.Add(next);
                    }
                }
            }
            catch (Exception e) when (IsEnvironment(e))
            {
                WaitOut(ref outages, $"the queue cannot be read or changed ({e.Message})", stop);
                continue;
            }
            if (next is null)
            {
                if (exitWhenEmpty) break;
                stop.WaitHandle.WaitOne(_poll);
                continue;
            }
            if (interrupted) log.LogInformation("continuing interrupted run {Run}", next);
            var (result, outage) = RunOne(next, Path.Combine(queue.Running, next + RunSpec.Extension), stop);
            lock (_gate) _claimed.Remove(next);
            if (result != Result.Waiting) outages = 0;
            switch (result)
            {
                case Result.Done: Interlocked.Increment(ref _finished); break;
                case Result.Failed: Interlocked.Increment(ref _failed); break;
                case Result.Waiting: WaitOut(ref outages, $"{next} stays in running/ and is tried again: {outage}", stop); break;
                case Result.Stopped: log.LogInformation("stopped; {Run} stays in running/ and is continued first next time", next); return 0;
                case Result.Halted: halt.Cancel(); return 1;
            }
        }
        return 0;
    }

    enum Result { Done, Failed, Stopped, Halted, Waiting }

    /// <summary>
    /// The environment's fault, not the run's: the file system refused (read-only, permissions, a
    /// vanished folder, a flaky device) or another process writes the run folder. The spec stays where
    /// it is and is tried again after a back-off; a run's own faults (bad spec, NaN) go to failed/.
    /// </summary>
    static bool IsEnvironment(Exception e) =>
        e is (IOException and not DiskFullException) or UnauthorizedAccessException or RunFolderInUseException;

    /// <summary>Back-off for an outage: 5 s, 10 s, 20 s … at most 5 min, logged with what it waits for.</summary>
    void WaitOut(ref int outages, string what, CancellationToken stop)
    {
        var delay = QueueBackoff.Delay(outages++, _poll);
        log.LogWarning("waiting {Delay:0} s before trying again (outage {Count}): {What}", delay.TotalSeconds, outages, what);
        stop.WaitHandle.WaitOne(delay);
    }

    (Result, string?) RunOne(string name, string specPath, CancellationToken stop)
    {
        try { return (RunOneOrThrow(name, specPath, stop), null); }
        catch (Exception e) when (IsEnvironment(e)) { return (Result.Waiting, e.Message); }
    }

    Result RunOneOrThrow(string name, string specPath, CancellationToken stop)
    {
        try
        {
            var spec = RunSpecFiles.Load(specPath, files);
            long queuedFrames = queue.Pending().Sum(FramesOf) / parallel;   // the queue drains `parallel` runs at a time
            int position = queue.Pending().Count;
            log.LogInformation("run {Run}: {Queued} more spec(s) queued", name, position);
            var notes = new LogWriter(log, name);
            var summary = SpecRunner.Run(spec, queue.RunFolder(name), files, notes, stop, p =>
                log.LogInformation("{Run}: frames {Frames:N0}/{Total:N0}, {Fps:N0} frames/s, ETA run {RunEta}, queue {QueueEta}",
                    name, p.Frames, p.TotalFrames, p.FramesPerSecond, Eta.Text(p.Eta),
                    Eta.Text(Eta.For(p.TotalFrames - p.Frames + queuedFrames, p.LearningFramesPerSecond))));
            if (!summary.Finished) return Result.Stopped;
            files.Rename(specPath, Path.Combine(queue.Done, name + RunSpec.Extension));
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
        catch (Exception e) when (e is not OperationCanceledException && !IsEnvironment(e))
        {
            // Anything else is this run's problem, not the queue's: record it and go on with the next spec.
            Fail(name, specPath, e.Message);
            return Result.Failed;
        }
    }

    void Fail(string name, string specPath, string reason)
    {
        files.WriteDurable(Path.Combine(queue.Failed, name + ".reason.txt"), System.Text.Encoding.UTF8.GetBytes(reason + Environment.NewLine));
        files.Rename(specPath, Path.Combine(queue.Failed, name + RunSpec.Extension));
        log.LogError("failed {Run}: {Reason} (spec moved to failed/)", name, reason);
    }

    long FramesOf(string pendingName)
    {
        try { return RunSpecFiles.Resolve(RunSpecFiles.Load(Path.Combine(queue.Root, pendingName + RunSpec.Extension), files)).Run.Frames; }
        catch (InputException) { return 0; }   // reported when its turn comes
    }

    /// <summary>
    /// One worker per queue: the lock is held open for the worker's life and released by the OS even after kill -9.
    /// It is the one file opened directly, not through <see cref="IRunFiles"/>: a held handle, not a write to retry.
    /// </summary>
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
