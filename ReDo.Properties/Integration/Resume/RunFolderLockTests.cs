using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// One writer per run folder (what an overlapping Slurm requeue or a Kubernetes restart does): a
/// second `train`, `resume` or `run-spec` on a folder another process is writing is refused with one
/// line and exit code 2, and writes nothing; a holder killed with kill -9 leaves no stale lock.
/// Real processes, stopped early with SIGTERM or kill -9, so each test takes seconds.
/// </summary>
[Collection(ResumeCollection.Name)]
public class RunFolderLockTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public void A_second_train_or_resume_on_a_busy_run_folder_is_refused_and_a_killed_holder_leaves_no_lock()
    {
        var folder = TinyRuns.NewFolder("locked");
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_000_000));
        var progress = Path.Combine(folder, RunLayout.Progress);

        using (var first = RedoProcess.Start("train", config, "--out", folder))
        {
            Assert.True(first.WaitUntil(() => Lines(progress) >= 3, Patience), first.Output);   // past the warm-up, checkpointing
            AssertRefused(RedoProcess.Start("train", config, "--out", folder), folder);
            AssertRefused(RedoProcess.Start("resume", folder), folder);
            first.KillHard();   // kill -9: the kernel drops the lock with the process
            first.WaitForExit(Patience);
        }

        using (var resumed = RedoProcess.Start("resume", folder))
        {
            Assert.True(resumed.WaitUntil(() => resumed.Output.Contains("frames "), Patience), resumed.Output);
            AssertRefused(RedoProcess.Start("resume", folder), folder);
            resumed.Terminate();
            Assert.Equal(0, resumed.WaitForExit(Patience));
        }
        AssertRowsOnce(folder);
    }

    [Fact]
    public void A_second_run_spec_of_one_spec_is_refused_while_the_first_runs()
    {
        var folder = TinyRuns.NewFolder("spec-locked");
        var specs = TinyRuns.NewFolder("spec-file");
        var spec = new RunSpec("tiny-locked", "tests", ConfigLoader.ToJsonElement(TinyRuns.Config(frames: 1_000_000)), [], 7);
        RunSpecFiles.Write(spec, specs, TestDisk.Files);
        var specFile = Path.Combine(specs, spec.Name + RunSpec.Extension);

        using (var first = RedoProcess.Start("run-spec", specFile, "--out", folder))
        {
            Assert.True(first.WaitUntil(() => Lines(Path.Combine(folder, RunLayout.Progress)) >= 3, Patience), first.Output);
            AssertRefused(RedoProcess.Start("run-spec", specFile, "--out", folder), folder);
            first.KillHard();
            first.WaitForExit(Patience);
        }
        using (var requeued = RedoProcess.Start("run-spec", specFile, "--out", folder))   // the requeue after the holder died goes ahead
        {
            Assert.True(requeued.WaitUntil(() => requeued.Output.Contains("frames "), Patience), requeued.Output);   // resumed and logged a row
            requeued.Terminate();
            Assert.Equal(0, requeued.WaitForExit(Patience));
        }
        AssertRowsOnce(folder);
    }

    [Fact]
    public void The_lock_is_reentrant_on_its_thread_and_refused_to_another()
    {
        var folder = TinyRuns.NewFolder("lock-threads");
        using var outer = RunFolderLock.Take(folder);
        using (RunFolderLock.Take(folder)) { }   // a spec's checks, then the run: one writer
        Exception? other = null;
        var thread = new Thread(() => { try { RunFolderLock.Take(folder).Dispose(); } catch (Exception e) { other = e; } });
        thread.Start();
        thread.Join();
        Assert.IsType<RunFolderInUseException>(other);
    }

    static void AssertRefused(RedoProcess second, string folder)
    {
        using (second)
        {
            Assert.Equal(2, second.WaitForExit(Patience));
            Assert.Contains($"run folder '{folder}' is being written by another redo process", second.Output);
            Assert.DoesNotContain("   at ", second.Output);   // no stack trace
        }
    }

    /// <summary>metrics.csv holds each logged frame once, in order (two writers interleave and repeat rows).</summary>
    static void AssertRowsOnce(string folder)
    {
        var frames = File.ReadAllLines(Path.Combine(folder, RunLayout.Metrics)).Skip(1).Select(l => long.Parse(l.Split(',')[0])).ToList();
        Assert.NotEmpty(frames);
        Assert.Equal(frames.Order().Distinct(), frames);
    }

    static int Lines(string path)
    {
        try { return File.Exists(path) ? File.ReadAllLines(path).Length : 0; }
        catch (IOException) { return 0; }
    }
}
