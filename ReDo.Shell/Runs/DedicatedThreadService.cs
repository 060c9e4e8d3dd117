using Microsoft.Extensions.Hosting;

namespace ReDo.Shell.Runs;

/// <summary>
/// A BackgroundService that runs one synchronous job on its own thread (libtorch's dispose scopes
/// and grad mode are per thread, so the trainer must never hop threads at an await). The host's
/// stopping token (Ctrl+C, SIGTERM) is handed to the job, which finishes its step, checkpoints and
/// returns; then the application stops with the job's exit code.
/// </summary>
public sealed class DedicatedThreadService(Func<CancellationToken, int> job, IHostApplicationLifetime lifetime) : BackgroundService
{
    public int ExitCode { get; private set; } = 1;
    public Exception? Error { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { ExitCode = job(stoppingToken); }
            catch (Exception e) { Error = e; ExitCode = 1; }
            finally
            {
                done.SetResult();
                lifetime.StopApplication();
            }
        }) { Name = "redo-trainer", IsBackground = false };
        thread.Start();
        return done.Task;
    }
}
