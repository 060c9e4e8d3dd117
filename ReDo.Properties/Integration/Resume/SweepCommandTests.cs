using ReDo.Shell.Cli;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>`redo sweep` writes one valid spec per grid point and seed, never twice, and rejects bad input before writing anything.</summary>
public class SweepCommandTests
{
    [Fact]
    public void Sweep_writes_resolvable_specs_once()
    {
        var queue = new QueueFolders(TinyRuns.NewFolder("sweep"), TestDisk.Files);
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        string[] args = ["sweep", config, "--seeds", "1-2", "--set-grid", "Agent:ReplayRatio=0.5,2", "--set", "Run:Frames=800", "--queue", queue.Root];

        var (exit, output, _) = CliRun.Invoke(new SweepCommand(TestDisk.Files), args);
        Assert.Equal(0, exit);
        Assert.Contains($"redo worker --queue {queue.Root} --exit-when-empty", output);   // the command that runs them and ends
        var names = queue.Pending();
        Assert.Equal(4, names.Count);
        foreach (var name in names)
        {
            var resolved = RunSpecFiles.Resolve(RunSpecFiles.Load(Path.Combine(queue.Root, name + ".json"), TestDisk.Files));
            Assert.Equal(800, resolved.Run.Frames);
            Assert.Contains(resolved.Dqn.ReplayRatio, new[] { 0.5, 2 });
            Assert.EndsWith($"-seed{resolved.Run.Seed}", name);
        }
        Assert.Equal(0, CliRun.Invoke(new SweepCommand(TestDisk.Files), args).Exit);
        Assert.Equal(4, queue.Pending().Count);
    }

    [Theory]
    [InlineData("--seeds", "2-1", "--seeds: '2-1'")]
    [InlineData("--set-grid", "Agent:ReplayRatio=0.3", "Agent:ReplayRatio = 0.3")]
    [InlineData("--set-grid", "Agent:Nope=1", "Nope")]
    public void Bad_sweeps_write_nothing(string option, string value, string message)
    {
        var queue = new QueueFolders(TinyRuns.NewFolder("badsweep"), TestDisk.Files);
        var config = TinyRuns.WriteConfigFile(TinyRuns.Config());
        List<string> args = [config, "--queue", queue.Root, option, value];
        if (option != "--seeds") args.AddRange(["--seeds", "1"]);
        var (exit, _, error) = CliRun.Invoke(new SweepCommand(TestDisk.Files), ["sweep", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Empty(queue.Pending());
    }
}
