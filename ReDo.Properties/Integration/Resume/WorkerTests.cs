using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// The worker as a child process works through a queue of three short runs; it is killed with
/// kill -9 in the middle of the second and started again with <c>--parallel 2</c> (the interrupted
/// run and the third run at once, in one process), and finishes the queue: all three runs are
/// byte-identical to uninterrupted runs, and a bad spec lands in failed/ with its reason.
/// </summary>
[Collection(ResumeCollection.Name)]
public class WorkerTests
{
    [Fact]
    public void A_killed_and_restarted_worker_finishes_the_queue_with_exact_results()
    {
        var queue = new QueueFolders(TinyRuns.NewFolder("queue"), TestDisk.Files);
        var config = ConfigLoader.ToJsonElement(TinyRuns.Config(frames: 1_500));
        var specs = new[] { 21, 22, 23 }.Select(seed => new RunSpec($"tiny-seed{seed}", "tests", config, [], seed)).ToList();
        foreach (var spec in specs) RunSpecFiles.Write(spec, queue.Root, TestDisk.Files);
        RunSpecFiles.Write(new RunSpec("z-bad", "tests", config, ["Agent:ReplayRato=2"], 1), queue.Root, TestDisk.Files);

        using (var first = RedoProcess.Start("worker", "--queue", queue.Root, "--poll", "0.2"))
        {
            var second = Path.Combine(queue.RunFolder(specs[1].Name), RunLayout.Progress);
            Assert.True(first.WaitUntil(() => File.Exists(second) && File.ReadAllLines(second).Length >= 3, TimeSpan.FromSeconds(120)), first.Output);
            first.KillHard();
            first.WaitForExit(TimeSpan.FromSeconds(30));
        }
        Assert.Equal([specs[1].Name], queue.InRunning());

        using (var again = RedoProcess.Start("worker", "--queue", queue.Root, "--exit-when-empty", "--parallel", "2"))
        {
            Assert.Equal(0, again.WaitForExit(TimeSpan.FromSeconds(180)));
            Assert.Contains($"continuing interrupted run {specs[1].Name}", again.Output);
            Assert.Contains("resuming", again.Output);
            // two at once: the third run starts before the interrupted one is done
            int thirdStarts = again.Output.IndexOf($"run {specs[2].Name}: ", StringComparison.Ordinal);
            int secondDone = again.Output.IndexOf($"done {specs[1].Name}", StringComparison.Ordinal);
            Assert.True(thirdStarts >= 0 && secondDone > thirdStarts, again.Output);
            Assert.Matches(@"frames [\d,]+/1,500, [\d,]+ frames/s, ETA run \d\d:\d\d:\d\d, queue \d\d:\d\d:\d\d", again.Output);
        }

        Assert.Empty(queue.InRunning());
        Assert.Empty(queue.Pending());
        Assert.Equal(specs.Select(s => s.Name + ".json").Order(), Directory.GetFiles(queue.Done).Select(Path.GetFileName).Order());
        Assert.Contains("ReplayRato", File.ReadAllText(Path.Combine(queue.Failed, "z-bad.reason.txt")));
        foreach (var spec in specs)
            TinyRuns.AssertSameResult(TinyRuns.Reference(RunSpecFiles.Resolve(spec)), queue.RunFolder(spec.Name));
        // The third ran beside another run in one process from its start: its checkpoints are the uninterrupted run's, byte for byte.
        var reference = Path.Combine(TinyRuns.Reference(RunSpecFiles.Resolve(specs[2])), RunLayout.Checkpoints);
        var parallel = Path.Combine(queue.RunFolder(specs[2].Name), RunLayout.Checkpoints);
        var parts = Directory.GetFiles(reference, "*.bin", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(reference, f)).Order().ToList();
        Assert.NotEmpty(parts);
        Assert.Equal(parts, Directory.GetFiles(parallel, "*.bin", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(parallel, f)).Order());
        foreach (var part in parts)
            Assert.True(File.ReadAllBytes(Path.Combine(reference, part)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(parallel, part))), $"{part} of the --parallel 2 run differs");
    }

    [Fact]
    public void Run_spec_is_idempotent_finished_runs_are_reported_not_redone()
    {
        var folder = TinyRuns.NewFolder("spec");
        var config = ConfigLoader.ToJsonElement(TinyRuns.Config(frames: 600));
        var spec = new RunSpec("tiny-once", "tests", config, [], 3);
        var first = SpecRunner.Run(spec, folder, TestDisk.Files, TextWriter.Null, CancellationToken.None);
        var notes = new StringWriter();
        var again = SpecRunner.Run(spec, folder, TestDisk.Files, notes, CancellationToken.None);
        Assert.Equal(first.Frames, again.Frames);
        Assert.Contains("already finished", notes.ToString());
        var other = spec with { Seed = 4 };
        Assert.Contains("another configuration", Assert.Throws<ReDo.Pure.RunFolderException>(() => SpecRunner.Run(other, folder, TestDisk.Files, TextWriter.Null, CancellationToken.None)).Message);
    }
}
