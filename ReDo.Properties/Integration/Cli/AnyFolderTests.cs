using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// The real <c>redo</c> started in an empty folder outside the repository, as an installed tool is:
/// the shipped configs, experiment definitions and anchor tables come from beside the executable
/// (the tests' output folder holds the same files as the tool package), and what it writes lands in
/// the empty folder.
/// </summary>
public sealed class AnyFolderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("redo-any-folder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    (int Exit, string Output) Redo(params string[] args)
    {
        using var redo = RedoProcess.StartIn(_folder, args);
        return (redo.WaitForExit(TimeSpan.FromMinutes(2)), redo.Output);
    }

    static IEnumerable<string> Shipped(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepoRoot.Find(), folder), pattern).Select(f => Path.GetFileNameWithoutExtension(f)!).Order();

    [Fact]
    public void Experiment_list_names_every_experiment_with_its_figure_and_costs()
    {
        var (exit, output) = Redo("experiment", "list");
        Assert.True(exit == 0, output);
        foreach (var name in Shipped("configs/experiments", "*.json"))
            Assert.Contains($"{name}: ReDo paper", output);
        Assert.Contains("  quick  ", output);
        Assert.Contains("  full   ", output);
    }

    [Fact]
    public void Config_list_names_every_shipped_config()
    {
        var (exit, output) = Redo("config", "list");
        Assert.True(exit == 0, output);
        var lines = output.Split('\n');
        foreach (var name in Shipped("configs", "*.json"))
            Assert.Contains(lines, l => l.StartsWith(name + " "));
    }

    [Fact]
    public void Plan_and_report_read_the_shipped_files_and_write_here()
    {
        var (exit, output) = Redo("experiment", "plan", "redo-vs-baselines", "--size", "quick", "--queue", "q");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(_folder, "q", "experiment", "plan.json")), output);

        // No run has finished, so the report has nothing to score; what matters is that it gets past the anchors.
        (exit, output) = Redo("report", "q");
        Assert.DoesNotContain("does not exist", output);
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(_folder, "q", "report", "report.md")), output);
    }

    [Fact]
    public void Train_takes_a_shipped_config_by_name()
    {
        var (exit, output) = Redo("train", "minatar-breakout-dqn", "--set", "Run:Frames=600", "--set", "Agent:MinReplayHistory=100",
                                  "--set", "Run:LogEvery=300", "--set", "Run:EvalEpisodes=1", "--out", "r");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(_folder, "r", RunLayout.Metrics)), output);
    }
}
