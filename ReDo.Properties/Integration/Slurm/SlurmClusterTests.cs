using System.Diagnostics;
using ReDo.Pure.Experiments;
using ReDo.Pure.Runs;
using ReDo.Pure.Slurm;
using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using Xunit.Abstractions;

namespace ReDo.Properties.Integration.Slurm;

/// <summary>
/// <c>redo experiment submit --slurm</c> against a real one-node Slurm (<see cref="SlurmCluster"/>): a
/// grid runs to the end and reports; a task warned of its time limit and later requeued resumes
/// byte-identically; a requeued twin started while the old instance still writes waits for it.
/// Each task runs this build's redo (dotnet redo.dll beside the tests). Runs are tiny (2,000–3,000
/// Breakout frames) and at most 2 tasks run at once.
/// </summary>
[Collection(SlurmCollection.Name)]
public class SlurmClusterTests(SlurmClusterFixture fixture, ITestOutputHelper log)
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    static ExperimentDefinition Tiny(string name, string[] seeds, long frames, params AxisPoint[] methods) =>
        new(name, "Fig. 1 (test)", "ReDo helps", TinyRuns.WriteConfigFile(TinyRuns.Config(frames)), [],
            [new ExperimentAxis("method", methods)],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout"], string.Join(',', seeds), frames, [], $"runs of {frames:N0} frames") }, [],
            Baseline: methods[0].Id);

    static readonly AxisPoint Dqn = new("dqn", "DQN", ["Redo:Enabled=false"]);
    static readonly AxisPoint Redo = new("redo", "DQN + ReDo", ["Redo:Enabled=true"]);

    (int Exit, string Output) Redo_(params string[] args)
    {
        using var p = RedoProcess.Start(fixture.Cluster.Environment, args);
        var exit = p.WaitForExit(TimeSpan.FromMinutes(2));
        return (exit, p.Output.Replace("\r", ""));
    }

    static void WaitFor(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? Patience)) throw new TimeoutException($"waited {clock.Elapsed:mm\\:ss} for {what}");
            Thread.Sleep(1_000);
        }
    }

    static long FramesLogged(string runFolder)
    {
        var metrics = Path.Combine(runFolder, RunLayout.Metrics);
        if (!File.Exists(metrics)) return 0;
        var last = File.ReadAllLines(metrics).Skip(1).LastOrDefault();
        return last is not null && long.TryParse(last.Split(',')[0], out var f) ? f : 0;
    }

    [SlurmFact]
    public void A_submitted_grid_finishes_with_every_run_done_is_never_submitted_twice_and_reports()
    {
        var root = TinyRuns.NewFolder("slurm-grid");
        var queue = Path.Combine(root, "queue");
        var plan = new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(Tiny("grid", ["1", "2"], 2_000, Dqn, Redo), "tiny", queue, shards: 1);
        Assert.Equal(4, plan.Runs.Length);

        var dry = Redo_("experiment", "submit", queue, "--slurm", "--time", "30", "--max-running", "2", "--dry-run");
        Assert.Equal(0, dry.Exit);
        Assert.Contains("#SBATCH --array=0-3%2", dry.Output);
        Assert.False(File.Exists(ExperimentFiles.SlurmRecordPath(queue)));     // a dry run writes nothing

        var first = Redo_("experiment", "submit", queue, "--slurm", "--time", "30", "--max-running", "2");
        Assert.True(first.Exit == 0, first.Output);
        Assert.Contains("submitted array job", first.Output);
        var record = ExperimentFiles.LoadSlurmRecord(TestDisk.Files, queue);
        var job = Assert.Single(record.Submissions);
        Assert.Equal(plan.Runs.Select(r => r.Name), job.Tasks);

        var again = Redo_("experiment", "submit", queue, "--slurm", "--time", "30", "--max-running", "2");
        Assert.Equal(0, again.Exit);
        Assert.Contains("nothing to submit", again.Output);
        Assert.Single(ExperimentFiles.LoadSlurmRecord(TestDisk.Files, queue).Submissions);

        string? whileRunning = null;
        WaitFor(() =>
        {
            var status = Redo_("experiment", "status", queue).Output;
            if (whileRunning is null && status.Contains($": running") && status.Contains("frames (")) whileRunning = status;
            return RunStates.Of(TestDisk.Files, queue, plan).All(s => s.State == RunState.Done);
        }, "all four runs to finish");
        var after = Redo_("experiment", "status", queue);
        log.WriteLine("while it runs:\n" + whileRunning + "\nafter it finished:\n" + after.Output);
        Assert.NotNull(whileRunning);
        Assert.Equal(0, after.Exit);
        Assert.Contains("4 done", after.Output);
        foreach (var r in plan.Runs)
        {
            var metrics = File.ReadAllLines(Path.Combine(queue, "runs", r.Name, RunLayout.Metrics)).Skip(1).Select(l => l.Split(',')[0]).ToList();
            Assert.Equal(metrics.Distinct(), metrics);                          // every logging point once
            Assert.Equal("2000", metrics[^1]);
        }

        var resubmit = Redo_("experiment", "submit", queue, "--slurm");
        Assert.Contains("skipped 4 run(s): finished", resubmit.Output);
        Assert.Contains("nothing to submit", resubmit.Output);
        Assert.Single(ExperimentFiles.LoadSlurmRecord(TestDisk.Files, queue).Submissions);

        var results = new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, Path.Combine(root, "report"), AnchorFiles.In(RepoRoot.Find()), new BootstrapSettings(Seed: 1));
        Assert.False(results.Partial);
        Assert.Contains("4 of 4", File.ReadAllText(Path.Combine(root, "report", "report.md")));
    }

    /// <summary>An experiment of one 3,000-frame run, planned into a fresh queue, and the same spec run uninterrupted in this process (in the background) into the reference folder.</summary>
    static (string Queue, string Name, string Reference, Task Uninterrupted) OneRun(string experiment, int seed)
    {
        var root = TinyRuns.NewFolder("slurm-" + experiment);
        var queue = Path.Combine(root, "queue");
        var plan = new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(Tiny(experiment, [$"{seed}"], 3_000, Redo), "tiny", queue, shards: 1);
        var name = Assert.Single(plan.Runs).Name;
        var spec = RunSpecFiles.Load(Path.Combine(queue, name + RunSpec.Extension), TestDisk.Files);
        var reference = Path.Combine(root, "reference");
        return (queue, name, reference, Task.Run(() => SpecRunner.Run(spec, reference, TestDisk.Files, TextWriter.Null, CancellationToken.None)));
    }

    [SlurmFact]
    public void A_task_warned_of_its_time_limit_and_then_requeued_resumes_byte_identically()
    {
        var (queue, name, reference, uninterrupted) = OneRun("requeue", 3);

        var submit = Redo_("experiment", "submit", queue, "--slurm", "--time", "30");
        Assert.True(submit.Exit == 0, submit.Output);
        var task = SlurmRecord.TaskId(ExperimentFiles.LoadSlurmRecord(TestDisk.Files, queue).Submissions[0].JobId, 0);
        var run = Path.Combine(queue, "runs", name);
        var cluster = fixture.Cluster;

        // 1. The time-limit warning: what --signal=B:USR1@120 sends the batch shell; it stops redo (a checkpoint) and requeues the task.
        WaitFor(() => FramesLogged(run) >= 750, "the run to pass 750 frames");
        Assert.Equal(0, cluster.Run("scancel", "--batch", "--signal=USR1", task).Exit);
        WaitFor(() => cluster.Show(task).Contains("Restarts=1") && cluster.Show(task).Contains("JobState=PENDING"), "the task to be requeued by its script", TimeSpan.FromMinutes(3));
        var requeued = Redo_("experiment", "status", queue).Output;
        log.WriteLine("after the time-limit warning:\n" + requeued);
        Assert.Contains($"slurm {task}: requeued 1×, pending (BeginTime)", requeued);
        Assert.Equal(0, cluster.Run("scontrol", "update", $"JobId={task}", "StartTime=now").Exit);   // Slurm holds a requeued job ~2 min; not in a test

        // 2. A requeue by the scheduler (pre-emption, an admin): SIGTERM to every process of the task, then the same task again.
        WaitFor(() => cluster.Show(task).Contains("JobState=RUNNING") && FramesLogged(run) >= 1_750, "the resumed run to pass 1,750 frames");
        Assert.Equal(0, cluster.Run("scontrol", "requeue", task).Exit);
        WaitFor(() => cluster.Show(task).Contains("Restarts=2") && cluster.Show(task).Contains("JobState=PENDING"), "the requeued task to wait");
        Assert.Equal(0, cluster.Run("scontrol", "update", $"JobId={task}", "StartTime=now").Exit);

        WaitFor(() => File.Exists(Path.Combine(run, RunLayout.Summary)), "the run to finish");
        var status = Redo_("experiment", "status", queue);
        log.WriteLine("after it finished:\n" + status.Output);
        Assert.Contains($"done     {name}  slurm {task}: requeued 2×, completed", status.Output);
        var taskLog = File.ReadAllText(Path.Combine(queue, SlurmScript.LogFolder, task + ".out"));
        Assert.Contains("time limit near: checkpointed; requeueing", taskLog);
        Assert.Equal(2, taskLog.Split('\n').Count(l => l.StartsWith("resuming ")));

        uninterrupted.Wait();
        TinyRuns.AssertSameResult(reference, run);
    }

    /// <summary>
    /// Requeues can overlap: on a real cluster a node declared dead may still be writing when Slurm starts
    /// the task again elsewhere. One node cannot make Slurm do that, so the test starts the requeued
    /// instance itself: the task's own script, with the task's Slurm variables, while the Slurm instance
    /// writes the run. Its redo is refused by the run folder's lock (exit 2, nothing written), the script
    /// waits and tries again, finds the run finished, and the run is byte-identical to an uninterrupted one.
    /// </summary>
    [SlurmFact]
    public void A_requeued_twin_started_while_the_old_task_still_writes_is_refused_waits_and_changes_nothing()
    {
        var (queue, name, reference, uninterrupted) = OneRun("twin", 4);

        Assert.Equal(0, Redo_("experiment", "submit", queue, "--slurm", "--time", "30").Exit);
        var job = ExperimentFiles.LoadSlurmRecord(TestDisk.Files, queue).Submissions[0];
        var task = SlurmRecord.TaskId(job.JobId, 0);
        var run = Path.Combine(queue, "runs", name);
        WaitFor(() => FramesLogged(run) >= 250 && fixture.Cluster.Show(task).Contains("JobState=RUNNING"), "the task to be writing its run");
        var jobId = System.Text.RegularExpressions.Regex.Match(fixture.Cluster.Show(task), @"\bJobId=(\d+)").Groups[1].Value;

        var twin = new ProcessStartInfo("bash", [Path.Combine(queue, job.Script)]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = queue };
        foreach (var (k, v) in fixture.Cluster.Environment) twin.Environment[k] = v;
        (twin.Environment["SLURM_ARRAY_JOB_ID"], twin.Environment["SLURM_ARRAY_TASK_ID"], twin.Environment["SLURM_JOB_ID"], twin.Environment["SLURM_RESTART_COUNT"]) = (job.JobId, "0", jobId, "1");
        using var p = Process.Start(twin)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        Assert.True(p.WaitForExit(Patience), "the twin did not end");
        var twinOutput = output.Result + error.Result;
        log.WriteLine("the twin's output:\n" + twinOutput);
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("is being written by another redo process", twinOutput);
        Assert.Contains("redo exited with 2; trying again in 30 s (attempt 1 of 10)", twinOutput);
        Assert.Contains($"{name} is already finished", twinOutput);

        WaitFor(() => !fixture.Cluster.Show(task).Contains("JobState=RUNNING"), "the Slurm task to end");
        uninterrupted.Wait();
        TinyRuns.AssertSameResult(reference, run);
    }
}
