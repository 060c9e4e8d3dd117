using ReDo.Pure.Experiments;
using ReDo.Shell.Experiments;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>A spec moved by hand from its planned shard to another (to balance two workers) is still found, in every state.</summary>
public class RunStatesExamples
{
    /// <summary>DQN and DQN + ReDo, seeds 1-2 on Breakout: 4 runs dealt into two shards of <paramref name="queue"/>.</summary>
    static ExperimentPlan PlanTwoShards(string queue)
    {
        var definition = new ExperimentDefinition("tiny", "Fig. 1 (test)", "ReDo helps", TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_500)), [],
            [new ExperimentAxis("method", [new("dqn", "DQN", ["Redo:Enabled=false"]), new("redo", "DQN + ReDo", ["Redo:Enabled=true"])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout"], "1-2", 1_500, [], "4 runs") }, [], Baseline: "dqn");
        return new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(definition, "tiny", queue, shards: 2);
    }

    [Fact]
    public void A_run_moved_to_another_shard_is_found_there_and_its_results_with_it()
    {
        var root = TinyRuns.NewFolder("shards");
        var queue = Path.Combine(root, "queue");
        var plan = PlanTwoShards(queue);
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

    [Fact]
    public void A_run_shipped_unfinished_from_a_sharded_queue_has_its_curves_read_where_it_was_shipped()
    {
        var root = TinyRuns.NewFolder("shipped");
        var plan = PlanTwoShards(Path.Combine(root, "queue"));
        var shipped = Path.Combine(root, "shipped");   // tools/ship-results.sh's layout: experiment/plan.json beside runs/<name>, no specs
        var run = plan.Runs[0];
        Directory.CreateDirectory(Path.Combine(shipped, "runs", run.Name));
        File.WriteAllText(Path.Combine(shipped, "runs", run.Name, "metrics.csv"),
            "frames,gradient_steps,episodes,mean_return,dormant_pct_tau0,dormant_pct_tau,return_last100\n1000,500,3,0.5,1.5,2.5,0.5\n");
        var states = RunStates.Of(TestDisk.Files, shipped, plan);

        Directory.CreateDirectory(Path.Combine(shipped, "experiment"));   // its report counts it as in progress, not missing
        File.Copy(ExperimentFiles.ManifestPath(Path.Combine(root, "queue")), ExperimentFiles.ManifestPath(shipped));
        var report = Path.Combine(root, "report");
        new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(shipped, report, AnchorFiles.In(RepoRoot.Find()), new ReDo.Pure.Statistics.BootstrapSettings(ReDo.Pure.Statistics.BootstrapSettings.MinResamples, 0.95, 0));
        Assert.Contains("Runs: 0 of 4 finished (1 in progress when shipped, 3 missing)", File.ReadAllText(Path.Combine(report, "report.md")));
        var status = states.Single(s => s.Run.Name == run.Name);
        Assert.Equal((RunState.Missing, Path.Combine(shipped, "runs", run.Name), 1000L), (status.State, status.RunFolder, status.FramesLogged));   // not finished, but read
        File.WriteAllText(Path.Combine(shipped, "runs", run.Name, "summary.json"), """{ "Frames": 1500, "Updates": 1000, "Finished": true }""");
        Assert.Equal(RunState.Done, RunStates.Of(TestDisk.Files, shipped, plan).Single(s => s.Run.Name == run.Name).State);
        Assert.All(states.Where(s => s.Run.Name != run.Name), s => Assert.Equal(RunState.Missing, s.State));
    }
}
