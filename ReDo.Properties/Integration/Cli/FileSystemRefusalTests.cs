using ReDo.Shell.Cli;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using static ReDo.Properties.Integration.Cli.CrashInputTests;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// Paths the file system refuses, on the real file system and through the real `redo` where a run is
/// involved: a file on the way (as --out under /etc/hostname/), the kernel's /proc, a run folder made
/// read-only before or during a run, a disk that fills up under `sweep`. Each ends in one line naming the
/// problem and the fix and exit code 3 (docs/cli.md#exit-codes), leaves what was written as it was, and
/// the retry layer gives up on such a path at once.
/// </summary>
[Collection(Resume.ResumeCollection.Name)]
public class FileSystemRefusalTests
{
    /// <summary>A file standing where a folder is needed, like /etc/hostname.</summary>
    static string AFile()
    {
        var folder = TinyRuns.NewFolder("etc");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "hostname");
        File.WriteAllText(file, "vm\n");
        return file;
    }

    /// <summary>The real `redo`: its exit code and what it wrote to standard error.</summary>
    static (int Exit, string Error) Redo(params string[] args)
    {
        using var redo = RedoProcess.Start(args);
        return (redo.WaitForExit(RedoProcess.Patience), redo.Error);
    }

    static void Refused(int exit, string error, string words)
    {
        error = error.Trim();
        Assert.True(exit == 3, $"exit {exit}: {error}");
        Assert.Contains(words, error);
        Assert.EndsWith("; nothing already written was lost.", error);
        OneLine(error);
    }

    [Fact]
    public void A_file_on_the_way_is_named_by_train_report_and_plan()
    {
        var file = AFile();
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        var (exit, error) = Redo("train", config, "--out", Path.Combine(file, "run"));
        Refused(exit, error, $"'{file}' is a file, not a folder, so '{Path.Combine(file, "run")}' cannot be made: choose a path whose folders are folders (--out)");

        var (planExit, _, planError) = CliRun.Invoke(new ExperimentCommand(TestDisk.Files), "experiment", "plan", "redo-vs-baselines", "--queue", Path.Combine(file, "q"));
        Refused(planExit, planError, $"'{file}' is a file, not a folder");

        var queue = TinyRuns.NewFolder("queue");
        Assert.Equal(0, CliRun.Invoke(new ExperimentCommand(TestDisk.Files), "experiment", "plan", "redo-vs-baselines", "--queue", queue).Exit);
        var (reportExit, _, reportError) = CliRun.Invoke(new ReportCommand(TestDisk.Files), "report", queue, "--out", file);
        Refused(reportExit, reportError, $"'{file}' is a file, not a folder: choose another path (--out)");
    }

    [Fact]
    public void A_path_under_proc_is_named_as_the_kernels()
    {
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        var (exit, error) = Redo("train", config, "--out", "/proc/redo-test-run");
        Refused(exit, error, "'/proc/redo-test-run' is under /proc, the kernel's file system, which takes no new files: choose a folder on a disk (--out)");

        var (planExit, _, planError) = CliRun.Invoke(new ExperimentCommand(TestDisk.Files), "experiment", "plan", "redo-vs-baselines", "--queue", "/proc/redo-test-queue");
        Refused(planExit, planError, "is under /proc, the kernel's file system");
    }

    [Fact]
    public void A_read_only_run_folder_is_refused_by_resume_and_train_and_left_as_it_was()
    {
        var run = TinyRuns.UnfinishedCopy("ro-run");
        var before = TinyRuns.Snapshot(run);
        using (var unwritable = UnwritableFolder.Over(run))
        {
            var (exit, error) = Redo("resume", run);
            Refused(exit, error, unwritable.Words);
            (exit, error) = Redo("train", TinyRuns.WriteConfigFile(TinyRuns.Config()), "--out", Path.Combine(run, "another"));
            Refused(exit, error, unwritable.Words);
        }
        TinyRuns.AssertUnchanged(before, run);
    }

    [Fact]
    public void Plot_report_and_plan_into_a_read_only_folder_are_refused()
    {
        var queue = TinyRuns.NewFolder("queue");
        Assert.Equal(0, CliRun.Invoke(new ExperimentCommand(TestDisk.Files), "experiment", "plan", "redo-vs-baselines", "--queue", queue).Exit);
        var target = TinyRuns.NewFolder("ro-out");
        using var unwritable = UnwritableFolder.Over(target);
        var (exit, _, error) = CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", TinyRuns.Reference(TinyRuns.Config()), "--out", Path.Combine(target, "return.png"));
        Refused(exit, error, unwritable.Words);
        (exit, _, error) = CliRun.Invoke(new ReportCommand(TestDisk.Files), "report", queue, "--out", Path.Combine(target, "report"));
        Refused(exit, error, unwritable.Words);
        (exit, _, error) = CliRun.Invoke(new ExperimentCommand(TestDisk.Files), "experiment", "plan", "redo-vs-baselines", "--queue", Path.Combine(target, "q"));
        Refused(exit, error, unwritable.Words);
    }

    [Fact]
    public void A_run_folder_made_read_only_mid_run_stops_the_run_and_resumes_to_the_uninterrupted_result()
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var run = TinyRuns.NewFolder("ro-mid-run");
        using (var train = RedoProcess.Start("train", TinyRuns.WriteConfigFile(config), "--out", run))
        {
            Assert.True(train.WaitUntil(() => Lines(Path.Combine(run, "progress.csv")) >= 3, RedoProcess.Patience), train.Output);   // past the warm-up, checkpointing
            using var unwritable = UnwritableFolder.Over(run);
            Refused(train.WaitForExit(RedoProcess.Patience), train.Error, unwritable.Words);
            Assert.StartsWith("redo train: ", train.Error);
        }
        Assert.False(File.Exists(Path.Combine(run, RunLayout.Summary)), "the run finished before the folder became read-only");
        Assert.Equal(0, Redo("resume", run).Exit);
        TinyRuns.AssertSameResult(reference, run);
    }

    [SmallDiskFact]
    public void A_sweep_that_fills_the_disk_stops_with_one_line_and_leaves_no_temporary_file()
    {
        using var disk = new SmallDisk(200);
        var queue = Path.Combine(disk.Folder, "q");
        var (exit, error) = Redo("sweep", TinyRuns.WriteConfigFile(TinyRuns.Config()), "--seeds", "0-9999", "--queue", queue);
        Assert.Empty(Directory.GetFiles(queue, "*.tmp"));
        Refused(exit, error, "the disk is full (writing '");
        Assert.Contains("free some space, then run the command again", error);
        var specs = Directory.GetFiles(queue, "*.json");
        Assert.InRange(specs.Length, 1, 9_999);
        foreach (var spec in specs) RunSpecFiles.Load(spec, TestDisk.Files);   // every spec written is whole
    }

    [Fact]
    public void The_retry_layer_gives_up_at_once_on_a_read_only_folder_and_a_file_where_a_folder_should_be()
    {
        var retries = new List<string>();
        var files = new ResilientRunFiles(DiskRunFiles.Instance, maxRetries: 3, firstDelay: TimeSpan.FromMilliseconds(1), onRetry: retries.Add);
        var folder = TinyRuns.NewFolder("ro-retry");
        using (UnwritableFolder.Over(folder))
        {
            Assert.ThrowsAny<Exception>(() => files.WriteDurable(Path.Combine(folder, "metrics.csv"), [1, 2]));
            Assert.ThrowsAny<Exception>(() => files.CreateDirectory(Path.Combine(folder, "checkpoints")));
        }
        var file = AFile();
        Assert.ThrowsAny<IOException>(() => files.CreateDirectory(file));   // EEXIST
        Assert.Empty(retries);
    }

    static int Lines(string path)
    {
        try { return File.Exists(path) ? File.ReadAllLines(path).Length : 0; }
        catch (IOException) { return 0; }
    }
}
