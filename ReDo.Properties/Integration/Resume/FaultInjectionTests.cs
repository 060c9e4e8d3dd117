using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// Transient write failures (some leaving half-written bytes) are retried through the Polly layer
/// with no row lost or duplicated; a full disk stops the run cleanly with the last good checkpoint
/// intact, and resuming after it gives the uninterrupted result.
/// </summary>
[Collection(ResumeCollection.Name)]
public class FaultInjectionTests
{
    [Fact]
    public void Transient_failures_are_retried_without_losing_or_duplicating_anything()
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("flaky");
        var flaky = new FlakyRunFiles(DiskRunFiles.Instance) { FailEvery = 3 };
        var retries = new List<string>();
        var files = new ResilientRunFiles(flaky, firstDelay: TimeSpan.FromMilliseconds(1), onRetry: retries.Add);

        var summary = Runner.TrainNew(config, folder, files, TextWriter.Null);

        Assert.True(summary.Finished);
        Assert.True(flaky.Failures >= 20, $"only {flaky.Failures} failures were injected");
        Assert.Equal(flaky.Failures, retries.Count);
        TinyRuns.AssertSameResult(reference, folder);
        Assert.Equal(File.ReadAllLines(Path.Combine(reference, RunLayout.Progress)).Length, File.ReadAllLines(Path.Combine(folder, RunLayout.Progress)).Length);
    }

    [Fact]
    public void A_full_disk_stops_the_run_with_the_last_checkpoint_intact_and_resume_is_exact()
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("full");
        // config.json, then 6 files per checkpoint: the disk fills up inside a checkpoint written mid-run.
        var full = new FlakyRunFiles(DiskRunFiles.Instance) { DiskFullFromWrite = 60 };
        var files = new ResilientRunFiles(full, firstDelay: TimeSpan.FromMilliseconds(1));

        var halted = Assert.Throws<RunHaltedException>(() => Runner.TrainNew(config, folder, files, TextWriter.Null));

        Assert.True(halted.Resumable);
        Assert.Contains("the disk is full", halted.Message);
        Assert.Matches(@"the last good checkpoint ckpt-\d{12} is kept", halted.Message);
        Assert.Contains($"redo resume {folder}", halted.Message);
        var checkpoints = Directory.GetDirectories(Path.Combine(folder, "checkpoints")).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(checkpoints, c => c!.StartsWith('.'));   // the half-written one was removed

        Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        TinyRuns.AssertSameResult(reference, folder);
    }

    [Fact]
    public void A_full_disk_while_the_weights_are_written_leaves_no_torn_file_and_resume_finishes_the_run()
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("full-at-end");
        var full = new FlakyRunFiles(DiskRunFiles.Instance) { DiskFullFor = p => Path.GetFileName(p).StartsWith(RunLayout.Weights, StringComparison.Ordinal) };
        var files = new ResilientRunFiles(full, firstDelay: TimeSpan.FromMilliseconds(1));

        var halted = Assert.Throws<RunHaltedException>(() => Runner.TrainNew(config, folder, files, TextWriter.Null));

        Assert.True(halted.Resumable);
        Assert.Contains("the disk is full", halted.Message);
        Assert.Contains($"continue with: redo resume {folder}", halted.Message);
        Assert.Empty(Directory.GetFiles(folder, RunLayout.Weights + "*"));   // nothing torn for evaluate to fail on
        Assert.False(File.Exists(Path.Combine(folder, RunLayout.Summary)));

        Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        TinyRuns.AssertSameResult(reference, folder);
    }
}
