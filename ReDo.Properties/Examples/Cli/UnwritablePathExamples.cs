using ReDo.Properties.Integration.Metrics;
using ReDo.Shell.Cli;
using Xunit;

namespace ReDo.Properties.Examples.Cli;

/// <summary>
/// Paths the file system refuses end in one line and a documented exit code, never a stack trace or
/// SIGABRT (134): an --out under /proc, a queue that is a file, a run folder that is a file.
/// </summary>
public class UnwritablePathExamples
{
    static string AFile()
    {
        var file = Path.Combine(TinyRuns.NewFolder("afile"), "hostname");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "x");
        return file;
    }

    static void OneLine(string error)
    {
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Plot_into_proc_is_refused_with_exit_3()
    {
        var run = PlotCommandTests.WriteRun(TinyRuns.NewFolder("plotrun"), "run", 4, seed: 1);
        var (exit, _, error) = CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", run, "--out", "/proc/redo-plot.png");   // no file can be created there, not even by root
        Assert.Equal(3, exit);
        Assert.Contains("'/proc/redo-plot.png' is under /proc, the kernel's file system, which takes no new files: choose a folder on a disk (--out)", error);
        OneLine(error);
    }

    [Fact]
    public void A_queue_or_run_folder_that_is_a_file_is_refused_with_exit_2()
    {
        var file = AFile();
        var (exit, _, error) = CliRun.Invoke(new WorkerCommand(null!, TestDisk.Files), "worker", "--queue", file);
        Assert.Equal(2, exit);
        Assert.Contains($"--queue '{file}' is a file", error);
        OneLine(error);

        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        (exit, _, error) = CliRun.Invoke(new TrainCommand(null!, TestDisk.Files), "train", config, "--out", file);
        Assert.Equal(2, exit);
        Assert.Contains($"--out '{file}' is a file", error);
        OneLine(error);
    }
}
