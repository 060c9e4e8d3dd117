using ReDo.Pure.Experiments;
using ReDo.Pure.Statistics;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>
/// A cell may set its own length (the dormancy study: 36,250–520,000 frames for one gradient budget).
/// Each run is then scored over the final tenth of its own frames, and its length is the one its
/// configuration trains for.
/// </summary>
public class RunLengthExamples
{
    static readonly string Screen = Path.Combine(RepoRoot.Find(), "docs", "results", "dormancy-study", "screen");

    [Fact]
    public void Every_run_s_length_is_the_frames_its_configuration_trains_for()
    {
        var base_ = ConfigLoader.Load(Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-dqn-dopamine-redo.json"), [], TestDisk.Files);
        var plan = ExperimentFiles.LoadManifest(TestDisk.Files, Screen).Plan;
        Assert.Contains(plan.Runs, r => RunLength.Of(r, plan.Frames) != plan.Frames);
        foreach (var run in plan.Runs)
        {
            var config = ConfigLoader.LoadJson(ConfigLoader.ToJson(base_), run.Overrides, run.Name);
            Assert.Equal(config.Run.Frames, RunLength.Of(run, plan.Frames));
        }
    }

    [Fact]
    public void A_finished_run_shorter_than_the_size_is_scored()
    {
        var output = TinyRuns.NewFolder("runlength");
        var results = new ExperimentReporting(TextWriter.Null, TestDisk.Files)
            .Write(Screen, output, AnchorFiles.In(RepoRoot.Find()), new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0));
        var finished = results.Runs.Where(r => r.Finished).ToList();
        Assert.Contains(finished, r => RunLength.Of(r.Run, results.Plan.Frames) < results.Plan.Frames);
        int scored = results.Series.Sum(s => s.Raw?.AllRuns.Count() ?? 0);
        Assert.Equal(finished.Count, scored);
        Assert.Contains("frames (each cell sets its own length)", File.ReadAllText(Path.Combine(output, "report.md")));
    }

    [Fact]
    public void The_last_frames_override_wins_and_a_plan_without_one_keeps_the_size()
    {
        Assert.Equal(145_000, RunLength.Of(["Run:Frames=520000", "Agent:ReplayRatio=4", "Run:Frames=145000"], 520_000));
        Assert.Equal(520_000, RunLength.Of(["Agent:ReplayRatio=4"], 520_000));
    }
}
