using ReDo.Pure;
using ReDo.Pure.Slurm;
using ReDo.Pure.Collections;
using ReDo.Shell.Files;
using ReDo.Shell.Slurm;

namespace ReDo.Shell.Experiments;

/// <summary>
/// <c>redo experiment submit &lt;queue&gt; --slurm</c>: the planned runs that are neither finished nor
/// already held by Slurm (or a local worker) become one sbatch array, its script written to
/// &lt;queue&gt;/slurm/submit-&lt;k&gt;.sh and its job id recorded beside the plan. --dry-run prints the
/// script and changes nothing.
/// </summary>
public sealed class SlurmSubmitting(TextWriter output, IRunFiles files)
{
    public const string ScriptFolder = "slurm";

    /// <summary>The job id, or null when nothing was submitted (nothing to do, or a dry run).</summary>
    public string? Submit(string queue, SlurmOptions options, IReadOnlyList<string>? redo, bool dryRun, DateTime now)
    {
        if (options.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems) + ".", nameof(options));   // the command line names them first
        var root = Path.GetFullPath(queue);
        if (root.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '%' or '\\' or '$' or '`'))
            throw new RunFolderException($"queue folder '{root}' has a space, quote, %, $ or backslash in its path, which #SBATCH lines cannot carry; move the queue to a plain path.");
        var plan = ExperimentFiles.LoadManifest(files, root).Plan;
        var record = ExperimentFiles.LoadSlurmRecord(files, root);
        var (slurm, note) = SlurmCommands.States(record.JobIds);
        if (note is not null) output.WriteLine($"note: {note}");

        var candidates = RunStates.Of(files, root, plan).Select(s =>
        {
            var task = TaskOf(root, s);
            var id = record.LatestTaskOf(task);
            return new SubmitCandidate(task, Standing(s.State), id is not null && slurm.TryGetValue(id, out var t) ? t : null);
        }).ToList();
        var choice = SubmitChoices.Of(candidates);
        foreach (var group in choice.Skipped.GroupBy(s => s.Why.StartsWith("Slurm has it") ? "queued in Slurm" : s.Why))
            output.WriteLine($"skipped {group.Count()} run(s): {(group.Count() == 1 ? group.Single().Why : group.Key)}");
        if (choice.Submit.Count == 0)
        {
            output.WriteLine($"nothing to submit: every run of {plan.Experiment} is finished or already with Slurm. See: redo experiment status {queue}");
            return null;
        }

        ValueList<string> command = redo is { Count: > 0 } ? [.. redo] : [.. DefaultRedo()];
        var script = SlurmScript.Write(new SlurmScriptInput(plan.Experiment, plan.Size, root, command, choice.Submit, options, RunLayout.Summary));
        if (dryRun)
        {
            output.Write(script);
            output.WriteLine($"# dry run: {choice.Submit.Count} task(s); nothing written or submitted.");
            return null;
        }
        files.CreateDirectory(Path.Combine(root, SlurmScript.LogFolder));
        var name = $"submit-{record.Submissions.Count + 1}.sh";
        var path = Path.Combine(root, ScriptFolder, name);
        files.WriteTextAtomically(path, script);
        var jobId = SlurmCommands.Submit(path);
        ExperimentFiles.WriteSlurmRecord(files, root, record.With(new SlurmSubmission(jobId, now.ToString("yyyy-MM-ddTHH:mm:ssZ"), Path.Combine(ScriptFolder, name), choice.Submit)));
        output.WriteLine($"submitted array job {jobId}: {choice.Submit.Count} task(s) of {plan.Experiment} ({plan.Runs.Length} planned), script {path}");
        output.WriteLine($"logs: {Path.Combine(root, SlurmScript.LogFolder)}/{jobId}_<task>.out;  then: redo experiment status {queue}   and   redo report {queue}");
        return jobId;
    }

    /// <summary>The spec's path relative to the queue, without ".json": its name, or shard-k/name in a sharded plan.</summary>
    public static string TaskOf(string queue, RunStatus s)
    {
        var shard = Path.GetRelativePath(queue, Path.GetDirectoryName(Path.GetDirectoryName(s.RunFolder)!)!);
        return shard == "." ? s.Run.Name : $"{shard.Replace(Path.DirectorySeparatorChar, '/')}/{s.Run.Name}";
    }

    static QueueStanding Standing(RunState state) => state switch
    {
        RunState.Done => QueueStanding.Finished,
        RunState.Running => QueueStanding.WorkerRunning,
        RunState.Failed => QueueStanding.WorkerFailed,
        RunState.Missing => QueueStanding.Missing,
        _ => QueueStanding.Waiting,
    };

    /// <summary>This redo, as the nodes would start it: "dotnet /path/redo.dll", or the self-contained executable itself.</summary>
    public static string[] DefaultRedo()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, Path.Combine(AppContext.BaseDirectory, "redo.dll")] : [host];
    }
}
