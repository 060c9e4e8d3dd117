using ReDo.Pure.Experiments;
using ReDo.Shell.Experiments;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>A spec moved by hand from its planned shard to another (to balance two workers) is still found, in every state.</summary>
public class RunStatesExamples
{
    [Fact]
    public void A_run_moved_to_another_shard_is_found_there_and_its_results_with_it()
    {
        var root = TinyRuns.NewFolder("shards");
        var definition = new ExperimentDefinition("tiny", "Fig. 1 (test)", "ReDo helps", TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_500)), [],
            [new ExperimentAxis("method", [new("dqn", "DQN", ["Redo:Enabled=false"]), new("redo", "DQN + ReDo", ["Redo:Enabled=true"])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout"], "1-2", 1_500, [], "4 runs") }, [], Baseline: "dqn");
        var queue = Path.Combine(root, "queue");
        var plan = new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(definition, "tiny", queue, shards: 2);
        var moved = plan.Runs.First(r => r.Shard == 0);
        string Shard(int s) => ExperimentFiles.ShardFolder(queue, plan, s);
        RunStatus StatusOf() => RunStates.Of(TestDisk.Files, queue, plan).Single(s => s.Run.Name == moved.Name);

        File.Move(Path.Combine(Shard(0), moved.Name + ".json"), Path.Combine(Shard(1), moved.Name + ".json"));
        Assert.Equal(RunState.Pending, StatusOf().State);

        Directory.CreateDirectory(Path.Combine(Shard(1), "done"));
        File.Move(Path.Combine(Shard(1), moved.Name + ".json"), Path.Combine(Shard(1), "done", moved.Name + ".json"));
        var done = StatusOf();
        Assert.Equal(RunState.Done, done.State);
        Assert.StartsWith(Shard(1), done.RunFolder);

        File.Delete(Path.Combine(Shard(1), "done", moved.Name + ".json"));
        var missing = StatusOf();
        Assert.Equal(RunState.Missing, missing.State);
        Assert.StartsWith(Shard(0), missing.RunFolder);     // a run found nowhere is reported where it was planned
        Assert.All(RunStates.Of(TestDisk.Files, queue, plan).Where(s => s.Run.Name != moved.Name), s => Assert.Equal(RunState.Pending, s.State));
    }
}
