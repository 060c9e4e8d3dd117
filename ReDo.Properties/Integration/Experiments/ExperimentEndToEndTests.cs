using System.Text.Json;
using ReDo.Pure.Experiments;
using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;
using ReDo.Shell.Runs;
using Xunit;
using ReDo.Properties.Integration.Resume;

namespace ReDo.Properties.Integration.Experiments;

/// <summary>
/// plan → worker → status → report on a tiny size (runs of 1,500 frames): one run fails (a spec the
/// worker cannot run), one is still pending, so status names all three states and the report works
/// on partial results, says so, and draws every figure as PNG and SVG.
/// </summary>
[Collection(ResumeCollection.Name)]
public class ExperimentEndToEndTests
{
    [Fact]
    public void Plan_status_and_report_work_on_partial_results_with_a_failed_run()
    {
        var root = TinyRuns.NewFolder("experiment");
        var baseConfig = TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_500));
        var definition = new ExperimentDefinition("tiny", "Fig. 1 (test)", "ReDo helps", baseConfig, ["Run:LogEvery=250"],
            [new ExperimentAxis("method", [new("dqn", "DQN", ["Redo:Enabled=false"]), new("redo", "DQN + ReDo", ["Redo:Enabled=true"])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout", "space_invaders"], "1-2", 1_500, [], "8 runs × 1,500 frames: seconds") },
            [new PaperNumber("redo", "IQM", 0.625, "Fig. 1, Atari")], Baseline: "dqn");
        var queue = Path.Combine(root, "queue");
        var log = new StringWriter();
        var plan = new ExperimentPlanning(log, TestDisk.Files).Plan(definition, "tiny", queue, shards: 1);
        Assert.Equal(8, plan.Runs.Length);
        Assert.Contains("8 run spec(s) written", log.ToString());
        Assert.Contains("0 run spec(s) written", Replan(definition, queue));

        // One spec the worker cannot run (an unknown key), one held back so that it stays pending.
        var folders = new QueueFolders(queue, TestDisk.Files);
        var failing = "tiny-space_invaders-redo-seed2";
        var spec = RunSpecFiles.Load(Path.Combine(queue, failing + ".json"), TestDisk.Files);
        File.WriteAllText(Path.Combine(queue, failing + ".json"), JsonSerializer.Serialize(spec with { Overrides = [.. spec.Overrides, "Agent:ReplayRato=2"] }));
        var pending = "tiny-space_invaders-dqn-seed2";
        var aside = Path.Combine(root, pending + ".json");
        File.Move(Path.Combine(queue, pending + ".json"), aside);
        using (var worker = RedoProcess.Start("worker", "--queue", queue, "--exit-when-empty"))
            Assert.Equal(0, worker.WaitForExit(TimeSpan.FromMinutes(10)));
        File.Move(aside, Path.Combine(queue, pending + ".json"));

        var states = new ExperimentStatus(TextWriter.Null, TestDisk.Files).Show(queue);
        Assert.Equal(6, states.Count(s => s.State == RunState.Done));
        Assert.Equal(failing, states.Single(s => s.State == RunState.Failed).Run.Name);
        Assert.Contains("ReplayRato", states.Single(s => s.State == RunState.Failed).FailReason);
        Assert.Equal(pending, states.Single(s => s.State == RunState.Pending).Run.Name);
        using (var status = RedoProcess.Start("experiment", "status", queue))
        {
            Assert.Equal(1, status.WaitForExit(TimeSpan.FromMinutes(2)));   // non-zero: a run failed
            Assert.Contains("1 pending, 6 done, 1 failed", status.Output.Replace("\r", ""));
        }

        var outFolder = Path.Combine(root, "report");
        var anchors = AnchorFiles.In(RepoRoot.Find());
        var results = new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, outFolder, anchors, new BootstrapSettings(Seed: 1));
        Assert.True(results.Partial);
        var dqn = results.Series.Single(s => s.Series.Id == "dqn");
        var redo = results.Series.Single(s => s.Series.Id == "redo");
        Assert.Equal((4, 3), (dqn.Planned, dqn.Finished));
        Assert.Equal([2, 1], dqn.Raw!.Games.Select(g => g.Runs.Count));      // breakout 2, space_invaders 1
        Assert.Equal([2, 1], redo.Raw!.Games.Select(g => g.Runs.Count));
        Assert.NotNull(redo.ImprovementOverBaseline);

        var report = File.ReadAllText(Path.Combine(outFolder, "report.md"));
        Assert.Contains("6 of 8 finished", report);
        Assert.Contains("**Partial results.**", report);
        Assert.Contains($"`{failing}`", report);
        Assert.Contains("0.625 (Fig. 1, Atari)", report);
        Assert.Contains($"| breakout | 0.38 | ", report);            // the anchors table: random from random-policy.csv
        foreach (var figure in new[] { "return-breakout", "return-space_invaders", "dormant-breakout", "iqm", "profile" })
        {
            Assert.Contains($"({figure}.png)", report);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(outFolder, figure + ".png"))[..4]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(outFolder, figure + ".svg")));
        }
    }

    static string Replan(ExperimentDefinition d, string queue)
    {
        var w = new StringWriter();
        new ExperimentPlanning(w, TestDisk.Files).Plan(d, "tiny", queue, 1);
        return w.ToString();
    }
}
