using System.Runtime.InteropServices;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Pure.Config;

namespace ReDo.Shell.Runs;

/// <summary>
/// Defence in depth at the run boundary (docs/long-runs.md): when libtorch fails inside
/// a run (an <see cref="ExternalException"/>, as the freed-Scalar crash was), the failure is logged
/// with its frame and exception and the run resumes from its last good checkpoint, at most
/// Run:MaxRestarts times. Resume is exact, so the result is the uninterrupted run's.
/// </summary>
public static class CrashRecovery
{
    /// <summary>`redo train`: a new run; after a native failure, resumes.</summary>
    public static RunSummary TrainWithRestarts(ExperimentConfig config, string runFolder, IRunFiles files, TextWriter notes, CancellationToken stop,
        Action<TrainingProgress>? report = null) =>
        WithRestarts(runFolder, config.Run.MaxRestarts, notes,
            () => Runner.TrainNew(config, runFolder, files, notes, stop, report),
            () => Runner.Resume(runFolder, files, notes, stop, report));

    /// <summary>`redo resume` and the worker's started runs.</summary>
    public static RunSummary ResumeWithRestarts(string runFolder, IRunFiles files, TextWriter notes, CancellationToken stop,
        Action<TrainingProgress>? report = null)
    {
        RunSummary Again() => Runner.Resume(runFolder, files, notes, stop, report);
        return WithRestarts(runFolder, MaxRestartsOf(runFolder, files), notes, Again, Again);
    }

    static RunSummary WithRestarts(string runFolder, int maxRestarts, TextWriter notes, Func<RunSummary> first, Func<RunSummary> resume)
    {
        using var writer = RunFolderLock.Take(runFolder);   // held across the restarts, so no other writer slips in between
        var attempt = first;
        for (int restarts = 0; ; restarts++)
        {
            try { return attempt(); }
            catch (NativeFailureException e) when (restarts < maxRestarts)
            {
                notes.WriteLine($"{e.Message}\n{e.InnerException}");
                notes.WriteLine($"resuming {runFolder} from its last good checkpoint (automatic restart {restarts + 1} of at most {maxRestarts}, Run:MaxRestarts)");
                attempt = resume;
            }
        }
    }

    static int MaxRestartsOf(string runFolder, IRunFiles files)
    {
        var path = Path.Combine(runFolder, RunLayout.Config);
        try { return ConfigLoader.LoadJson(files.ReadAllText(path), [], path).Run.MaxRestarts; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Pure.InputException) { return new RunSettings().MaxRestarts; }  // Runner.Resume names the problem
    }
}

/// <summary>libtorch failed during a run: the frame it reached, the checkpoint kept, and the native exception inside.</summary>
public sealed class NativeFailureException(long frame, string runFolder, string? lastCheckpoint, Exception inner)
    : Exception($"native failure in libtorch at frame {frame:N0} of {runFolder}: {inner.GetType().Name}: {FirstLine(inner.Message)}; " +
                (lastCheckpoint is null ? "no checkpoint was written yet" : $"the last good checkpoint is {lastCheckpoint}"), inner)
{
    public long Frame { get; } = frame;

    static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
