using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>
/// The one BackgroundService of the application's host: it runs a long job (train, resume, run-spec,
/// worker) on a thread of its own — libtorch's dispose scopes and grad mode are per thread, so the
/// runner must never hop threads at an await. SIGTERM / Ctrl+C cancel the job's token; the job
/// finishes its step, checkpoints and returns, within the host's shutdown timeout (Composition.cs).
/// Exceptions of the job are rethrown on the caller's thread, so the command line reports them as
/// for any other command.
/// </summary>
public sealed class RunService(IServiceProvider services) : BackgroundService
{
    Func<CancellationToken, ILogger, int>? _job;
    int _exitCode = 1;
    Exception? _error;
    volatile bool _began;

    /// <summary>
    /// Starts the host with <paramref name="job"/> as its work; returns the job's exit code once it ended (or was
    /// stopped). A stop signal that came before the job began (<see cref="StopSignals"/>) means it never begins: one
    /// line, nothing written, exit code 0.
    /// </summary>
    public int Run(Func<CancellationToken, ILogger, int> job)
    {
        if (Interlocked.CompareExchange(ref _job, job, null) is not null) throw new InvalidOperationException("the host runs one job per process");
        if (StopSignals.Received is { } early) return NotBegun(early);
        services.GetRequiredService<IHost>().Run();   // returns after the job ends (it stops the application) or after a signal and the job's checkpoint
        if (_error is { } e) ExceptionDispatchInfo.Throw(e);
        if (!_began && StopSignals.Received is { } during) return NotBegun(during);   // the host's own handlers stopped it while it started
        return _exitCode;
    }

    static int NotBegun(System.Runtime.InteropServices.PosixSignal signal)
    {
        Console.Error.WriteLine($"redo: stopped by {signal} before the run began; nothing was written.");
        return 0;
    }

    /// <summary>
    /// train / resume / run-spec: progress on stdout; a halted run (NaN loss, full disk, native
    /// failures beyond Run:MaxRestarts) as one message on stderr with exit code 1; a finished or
    /// gracefully stopped run exits 0.
    /// </summary>
    public int RunTraining(Func<TextWriter, CancellationToken, RunSummary> train) =>
        Run((token, _) =>
        {
            try
            {
                train(Console.Out, token);
                return 0;
            }
            catch (RunHaltedException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}");
                return 1;
            }
            catch (NativeFailureException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}; automatic restarts used up (Run:MaxRestarts). Continue with: redo resume <run folder>\n{e.InnerException}");
                return 1;
            }
            catch (DiskFullException e)
            {
                Console.Error.WriteLine($"redo: {e.Message}; no checkpoint was lost. Free some space, then continue with `redo resume <run folder>` (a run that wrote no checkpoint yet: run the same command again into an empty folder).");
                return 1;
            }
        });

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        if (_job is not { } job)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }
        // The host's handlers are in place by now (its lifetime registers them before hosted services start): hand signals over.
        if (StopSignals.Release() is not null || stoppingToken.IsCancellationRequested)
        {
            lifetime.StopApplication();
            return Task.CompletedTask;
        }
        _began = true;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("redo");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { _exitCode = job(stoppingToken, logger); }
            catch (Exception e) { _error = e; _exitCode = 1; }
            finally
            {
                done.SetResult();
                lifetime.StopApplication();
            }
        }) { Name = "redo-runner", IsBackground = false };
        thread.Start();
        return done.Task;
    }
}
