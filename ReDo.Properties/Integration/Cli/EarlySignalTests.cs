using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using static ReDo.Properties.Integration.Cli.CrashInputTests;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// A stop signal in the first second of a fresh `redo`, while the host is still being built: the handler is
/// installed first thing, so a long run that has not begun does not begin (exit 0, one line, nothing written),
/// any other command ends with the shell's 143 and one line, and a run stopped a little later is whole
/// (exit 0, and it resumes to the uninterrupted result). Before, a signal then ended the process before
/// any handler existed (143, no word) or stopped the host before its job began (exit 1, no word).
/// </summary>
[Collection(Resume.ResumeCollection.Name)]
public class EarlySignalTests
{
    [Theory]
    [InlineData(0)]       // the moment redo handles signals: the host is not built yet
    [InlineData(1_500)]   // during the host's start or the run's first checkpoint, depending on the machine
    public void Train_stopped_early_exits_0_and_leaves_nothing_or_a_run_that_resumes_exactly(int afterMs)
    {
        var config = TinyRuns.Config();
        var folder = TinyRuns.NewFolder("early-stop");
        using (var train = RedoProcess.Start("train", TinyRuns.WriteConfigFile(config), "--out", folder))
        {
            Assert.True(train.WaitForSignalHandlers(RedoProcess.Patience), train.Output);
            Thread.Sleep(afterMs);
            train.Terminate();
            Assert.True(train.WaitForExit(RedoProcess.Patience) == 0, train.Output);
            Assert.DoesNotContain("   at ", train.Output);
            if (!Directory.Exists(folder) || !File.Exists(Path.Combine(folder, RunLayout.Config)))
            {
                Assert.Equal("redo: stopped by SIGTERM before the run began; nothing was written.", train.Error.Trim());
                Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any(e => !RunFolderLock.IsLockFile(Path.GetFileName(e))), "a run that did not begin wrote files");
                return;
            }
            Assert.Contains("Continue with: redo resume", train.Output);
        }
        using (var resume = RedoProcess.Start("resume", folder))
            Assert.True(resume.WaitForExit(RedoProcess.Patience) == 0, resume.Output);
        TinyRuns.AssertSameResult(TinyRuns.Reference(config), folder);
    }

    [Fact]
    public void Another_command_stopped_before_it_began_says_so_and_exits_143()
    {
        var queue = TinyRuns.NewFolder("early-sweep");
        using var sweep = RedoProcess.Start("sweep", TinyRuns.WriteConfigFile(TinyRuns.Config()), "--seeds", "1-3", "--queue", queue);
        Assert.True(sweep.WaitForSignalHandlers(RedoProcess.Patience), sweep.Output);
        sweep.Terminate();
        Assert.Equal(143, sweep.WaitForExit(RedoProcess.Patience));
        Assert.Equal("redo sweep: stopped by SIGTERM before it began; nothing was written.", sweep.Error.Trim());
        OneLine(sweep.Error);
        Assert.False(Directory.Exists(queue));
    }
}
