using ReDo.Pure.Experiments;
using ReDo.Pure.Runs;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using ReDo.Shell.Slurm;
using ReDo.Pure.Slurm;

namespace ReDo.Shell.Experiments;

public enum RunState { Pending, Running, Done, Failed, Missing }

/// <summary>Where a planned run stands: its queue state, its run folder, frames logged so far, and why it failed.</summary>
public sealed record RunStatus(PlannedRun Run, RunState State, string RunFolder, long FramesLogged, string? FailReason);

/// <summary>
/// Reads the state of every planned run from the queue folders the worker moves specs between, and from
/// the run folders themselves: a run whose folder holds a finished summary.json is done wherever its
/// spec is (run with <c>redo run-spec</c> from a pending spec, or shipped without specs as
/// docs/results/&lt;x&gt;/runs/&lt;name&gt; beside experiment/plan.json).
/// </summary>
public static class RunStates
{
    /// <summary>
    /// A run is looked for in its planned shard first, then in the plan's other shards: a user may move
    /// specs between shards to balance the workers (the worker runs whatever is in its folder), and a
    /// moved run must not read as missing nor its results be left out of the report.
    /// </summary>
    public static IReadOnlyList<RunStatus> Of(IRunFiles files, string queue, ExperimentPlan plan) =>
        plan.Runs.Select(r => Find(files, queue, plan, r)).ToList();

    /// <summary>The run's status in the first shard that holds it; a run found nowhere is reported in its planned shard (searched first).</summary>
    static RunStatus Find(IRunFiles files, string queue, ExperimentPlan plan, PlannedRun r)
    {
        RunStatus? planned = null;
        foreach (var shard in ShardsToSearch(plan, r.Shard))
        {
            var status = Of(new QueueFolders(ExperimentFiles.ShardFolder(queue, plan, shard), files), r);
            if (status.State != RunState.Missing) return status;
            planned ??= status;
        }
        // Shipped results: the run folders straight under the queue folder, no specs. A run shipped
        // unfinished (partial results) stays missing from the queue's view, but its curves are read.
        var shipped = Path.Combine(queue, "runs", r.Name);
        var metrics = Path.Combine(shipped, RunLayout.Metrics);
        if (plan.Shards == 1 || !files.Exists(metrics)) return planned!;
        return planned! with { State = IsFinished(files, shipped) ? RunState.Done : planned!.State, RunFolder = shipped, FramesLogged = LastFrames(files, metrics) };
    }

    /// <summary>Whether the run folder says it finished: its summary.json exists (it is written only at the end) and says so.</summary>
    static bool IsFinished(IRunFiles files, string runFolder) =>
        files.Exists(Path.Combine(runFolder, RunLayout.Summary)) && Runner.FinishedSummary(runFolder, files) is { Finished: true };

    static IEnumerable<int> ShardsToSearch(ExperimentPlan plan, int planned) =>
        Enumerable.Range(0, plan.Shards).Where(s => s != planned).Prepend(planned);

    static RunStatus Of(QueueFolders q, PlannedRun r)
    {
        bool In(string folder) => q.Files.Exists(Path.Combine(folder, r.Name + RunSpec.Extension));
        var folder = q.RunFolder(r.Name);
        var state = In(q.Done) ? RunState.Done : In(q.Failed) ? RunState.Failed : IsFinished(q.Files, folder) ? RunState.Done
                  : In(q.Running) ? RunState.Running : In(q.Root) ? RunState.Pending : RunState.Missing;
        var reasonPath = Path.Combine(q.Failed, r.Name + ".reason.txt");
        var reason = state == RunState.Failed && q.Files.Exists(reasonPath) ? q.Files.ReadAllText(reasonPath).Trim() : null;
        return new RunStatus(r, state, folder, LastFrames(q.Files, Path.Combine(folder, RunLayout.Metrics)), reason);
    }

    /// <summary>The frames column of metrics.csv's last complete line (0 when there is none yet).</summary>
    static long LastFrames(IRunFiles files, string metrics)
    {
        if (!files.Exists(metrics)) return 0;
        var lines = files.ReadAllText(metrics).Split('\n');
        for (int i = lines.Length - 2; i >= 1; i--)   // the last element follows the final "\n"
            if (long.TryParse(lines[i].Split(',')[0], out var f)) return f;
        return 0;
    }
}

/// <summary><c>redo experiment status &lt;queue&gt;</c>: one line per run (with its Slurm task's state when submitted) and the totals.</summary>
public sealed class ExperimentStatus(TextWriter output, IRunFiles files)
{
    public IReadOnlyList<RunStatus> Show(string queue)
    {
        var manifest = ExperimentFiles.LoadManifest(files, queue);
        var plan = manifest.Plan;
        var states = RunStates.Of(files, queue, plan);
        var record = ExperimentFiles.LoadSlurmRecord(files, queue);
        var (slurm, note) = SlurmCommands.States(record.JobIds);
        output.WriteLine($"experiment {plan.Experiment}, size {plan.Size}, {plan.Runs.Length} runs, {RunLength.Describe(plan)}, in {queue}");
        if (record.Submissions.Count > 0)
            output.WriteLine($"slurm: array job(s) {string.Join(", ", record.Submissions.Select(s => $"{s.JobId} ({s.Tasks.Count} task(s), {s.Submitted})"))}" + (note is null ? "" : $"; {note}"));
        var shown = new List<RunStatus>();
        foreach (var s in states)
        {
            var taskId = record.LatestTaskOf(SlurmSubmitting.TaskOf(Path.GetFullPath(queue), s));
            var task = taskId is not null && slurm.TryGetValue(taskId, out var st) ? st : null;
            var word = s.State.ToString().ToLowerInvariant();
            var state = SlurmRunView.State(word, task);
            var run = state == "failed" && s.State != RunState.Failed ? s with { State = RunState.Failed, FailReason = SlurmReason(queue, taskId!, task!) }
                    : state == "running" && s.State == RunState.Pending ? s with { State = RunState.Running } : s;
            var detail = run.State switch
            {
                RunState.Running or RunState.Pending when s.FramesLogged > 0 => $"{s.FramesLogged:N0}/{RunLength.Of(s.Run, plan.Frames):N0} frames ({100.0 * s.FramesLogged / RunLength.Of(s.Run, plan.Frames):F0} %)",
                RunState.Failed => run.FailReason ?? "no reason recorded",
                RunState.Missing => "spec not found in the queue (deleted?); plan again to re-add it",
                _ => "",
            };
            var slurmDetail = SlurmRunView.Detail(word, taskId, task);
            if (slurmDetail.Length > 0 && run.State != RunState.Failed) detail = detail.Length > 0 ? $"{detail}  {slurmDetail}" : slurmDetail;
            output.WriteLine($"  {run.State.ToString().ToLowerInvariant(),-8} {s.Run.Name}  {detail}".TrimEnd());
            shown.Add(run);
        }
        var counts = Enum.GetValues<RunState>().Select(st => (st, n: shown.Count(s => s.State == st))).Where(x => x.n > 0);
        output.WriteLine(string.Join(", ", counts.Select(x => $"{x.n} {x.st.ToString().ToLowerInvariant()}")));
        return shown;
    }

    /// <summary>Slurm's word for a failed task and the problem redo printed last in the task's log.</summary>
    string SlurmReason(string queue, string taskId, SlurmTaskState task)
    {
        var log = Path.Combine(queue, SlurmScript.LogFolder, taskId + ".out");
        var problem = files.Exists(log) ? SlurmRunView.LastProblem(files.ReadAllText(log)) : null;
        return $"slurm {taskId}: {task.Describe()}" + (problem is null ? $" (log {log})" : $"; {problem}");
    }
}
