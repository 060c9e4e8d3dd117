using ReDo.Shell.Analyses;
using ReDo.Shell.Cli;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// Inputs that ended in a stack trace and SIGABRT (exit 134) end in one line naming the problem and
/// the fix, with a documented exit code (docs/cli.md#exit-codes), and change nothing already written.
/// The real `redo` process where the crash was the process's, the command in-process where the
/// parser and the command are the whole story.
/// </summary>
[Collection(Resume.ResumeCollection.Name)]
public class CrashInputTests
{
    internal static void OneLine(string error)
    {
        Assert.DoesNotContain("   at ", error);   // no stack trace
        Assert.DoesNotContain("Unhandled exception", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    /// <summary>A copy of the tiny reference run without summary and weights (a resume finishes it) whose dormancy log has a garbage line 3.</summary>
    static string RunWithGarbageInItsDormancyLog()
    {
        var folder = TinyRuns.UnfinishedCopy("garbage-log");
        var log = Path.Combine(folder, RunLayout.DormancyLog);
        var lines = File.ReadAllLines(log);
        lines[2] = "hello garbage line";
        File.WriteAllText(log, string.Join('\n', lines) + "\n");
        return folder;
    }

    [Fact]
    public void A_garbage_line_in_the_dormancy_log_stops_resume_with_its_line_and_changes_nothing()
    {
        var folder = RunWithGarbageInItsDormancyLog();
        var before = TinyRuns.Snapshot(folder);
        using var resume = RedoProcess.Start("resume", folder);
        Assert.Equal(2, resume.WaitForExit(RedoProcess.Patience));
        var error = resume.Error.Trim();
        Assert.Contains($"{Path.Combine(folder, RunLayout.DormancyLog)} line 3", error);
        Assert.Contains("'hello garbage line'", error);
        OneLine(error);
        TinyRuns.AssertUnchanged(before, folder);
    }

    [Theory]
    [InlineData("overlap")]
    [InlineData("rank")]
    public void A_garbage_line_in_the_dormancy_log_is_named_by_the_analyses(string analysis)
    {
        var folder = RunWithGarbageInItsDormancyLog();
        var (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", analysis, folder, "--out", TinyRuns.NewFolder("garbage-out"));
        Assert.Equal(2, exit);
        Assert.Contains($"{Path.Combine(folder, RunLayout.DormancyLog)} line 3", error);
        OneLine(error);
    }

    [Fact]
    public void A_replay_capacity_beyond_one_array_is_refused_with_the_memory_it_needs_before_anything_is_written()
    {
        var folder = TinyRuns.NewFolder("huge-replay");
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        using var train = RedoProcess.Start("train", config, "--set", "Agent:ReplayCapacity=45000000", "--out", folder);
        Assert.Equal(2, train.WaitForExit(RedoProcess.Patience));
        var error = train.Error.Trim();
        // Breakout: 4 channels, 50 bytes of bits + action, reward, terminal = 56 bytes a transition
        Assert.Contains("Agent:ReplayCapacity = 45000000: allowed at most 42,949,671 for breakout (56 bytes a transition: 45,000,000 transitions would need 2.35 GiB, " +
                        "and their observations alone 2.10 GiB, more than the 2.00 GiB one array holds)", error);
        OneLine(error);
        Assert.False(Directory.Exists(folder));
    }

    [MuJoCoFact]
    public void A_sac_replay_capacity_beyond_one_array_is_refused_with_the_memory_it_needs_before_anything_is_written()
    {
        var config = SacConfig.Of(new() { ReplayCapacity = 10_000_000 }, seed: 0, task: "humanoid");   // 454 observations: at most 4,730,140
        var folder = TinyRuns.NewFolder("huge-sac-replay");
        var e = Assert.Throws<ReDo.Pure.ConfigException>(() => Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null));
        Assert.Contains("Sac:ReplayCapacity = 10000000: allowed at most 4,730,140 for humanoid (3724 bytes a transition", e.Message);
        Assert.Contains("would need 34.68 GiB", e.Message);
        Assert.False(Directory.Exists(folder), "a config that cannot run made its run folder");
    }
}
