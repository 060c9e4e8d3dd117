using ReDo.Pure;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>
/// Runs one spec into its run folder, idempotently: a finished folder is reported as it is, a
/// started one is resumed from its checkpoint, an empty one is trained from the start. So the
/// same command can be retried by a worker, a Slurm requeue or a Kubernetes restart.
/// </summary>
public static class SpecRunner
{
    public static RunSummary Run(RunSpec spec, string runFolder, IRunFiles files, TextWriter notes, CancellationToken stop, Action<TrainingProgress>? report = null)
    {
        var config = RunSpecFiles.Resolve(spec);
        using var writer = RunFolderLock.Take(runFolder);   // the checks below and the run see one writer: a requeued twin is refused
        var configPath = Path.Combine(runFolder, RunLayout.Config);
        if (files.Exists(configPath))
        {
            // Compared as bound configs, not as text: a config.json written before a key existed
            // (e.g. Agent:Kind, section Sac) binds to that key's default and is the same run.
            if (!SameRun(files.ReadAllText(configPath), configPath, config))
                throw new RunFolderException($"run folder '{runFolder}' holds a run of another configuration than spec {spec.Name}; move it away or give the spec another name.");
            if (Runner.FinishedSummary(runFolder, files) is { } done)
            {
                notes.WriteLine($"{spec.Name} is already finished in {runFolder}.");
                return done;
            }
            return CrashRecovery.ResumeWithRestarts(runFolder, files, notes, stop, report);
        }
        if (files.Files(runFolder, "*").Any(f => !RunFolderLock.IsLockFile(f)) || files.Directories(runFolder).Count > 0)
            throw new RunFolderException($"run folder '{runFolder}' holds files but no {RunLayout.Config}; it is not this spec's run. Move it away.");
        return CrashRecovery.TrainWithRestarts(config, runFolder, files, notes, stop, report);
    }

    internal static bool SameRun(string writtenJson, string path, Pure.Config.ExperimentConfig config)
    {
        try { return ConfigLoader.ToJson(ConfigLoader.LoadJson(writtenJson, [], path)) == ConfigLoader.ToJson(config); }
        catch (InputException) { return false; }
    }
}
