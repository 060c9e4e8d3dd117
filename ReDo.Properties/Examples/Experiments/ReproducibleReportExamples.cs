using System.Text.Json;
using ReDo.Pure.Experiments;
using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>
/// Reports can be made again: a shipped folder (docs/results/&lt;x&gt;: experiment/plan.json beside
/// runs/&lt;name&gt;/) gives back its report.md; a run is done when its own folder says it finished,
/// wherever its spec is; a spec shows the run's real settings; <c>plan --set</c> plans a variant.
/// </summary>
public class ReproducibleReportExamples
{
    [Theory]
    [InlineData("replay-ratio")]
    [InlineData("redo-vs-baselines")]
    [InlineData("selection")]
    [InlineData("dormancy-rise")]
    [InlineData("drq-replay-ratio")]
    [InlineData("sac-mujoco")]
    public void A_shipped_report_is_made_again_from_what_is_shipped(string experiment)
    {
        var root = RepoRoot.Find();
        var shipped = Path.Combine(root, "docs", "results", experiment);
        var output = TinyRuns.NewFolder("report");
        var results = new ExperimentReporting(TextWriter.Null, TestDisk.Files)
            .Write(shipped, output, AnchorFiles.In(root), new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0));
        Assert.All(results.Runs, r => Assert.True(r.Finished, $"{r.Run.Name} is {r.State}"));
        Assert.True(File.ReadAllText(Path.Combine(shipped, "report.md")) == File.ReadAllText(Path.Combine(output, "report.md")),
            $"docs/results/{experiment}/report.md differs from what its runs give now; make it again with: redo report docs/results/{experiment} --out docs/results/{experiment}");
    }

    [Fact]
    public void A_report_s_text_does_not_follow_the_caller_s_culture()
    {
        var root = RepoRoot.Find();
        var shipped = Path.Combine(root, "docs", "results", "sac-mujoco");
        var output = TinyRuns.NewFolder("report-de");
        var caller = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");   // "45.000" and "0,9" if Pure read it
        try
        {
            new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(shipped, output, AnchorFiles.In(root), new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = caller; }
        Assert.Equal(File.ReadAllText(Path.Combine(shipped, "report.md")), File.ReadAllText(Path.Combine(output, "report.md")));
    }

    static (string Queue, ExperimentPlan Plan) Tiny(string tag, IReadOnlyList<string>? sets = null)
    {
        var definition = new ExperimentDefinition("tiny", "Fig. 1 (test)", "ReDo helps", TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_500)), [],
            [new ExperimentAxis("method", [new("dqn", "DQN", ["Redo:Enabled=false"]), new("redo", "DQN + ReDo", ["Redo:Enabled=true"])])],
            new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout"], "1-2", 1_500, [], "4 runs") }, [], Baseline: "dqn");
        var queue = Path.Combine(TinyRuns.NewFolder(tag), "queue");
        return (queue, new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(definition, "tiny", queue, shards: 1, sets));
    }

    [Fact]
    public void A_folder_s_findings_open_its_report_and_a_folder_without_them_has_none()
    {
        var (queue, _) = Tiny("findings");
        var output = TinyRuns.NewFolder("findings-report");
        var bootstrap = new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0);
        new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, output, AnchorFiles.In(RepoRoot.Find()), bootstrap);
        Assert.DoesNotContain("## What these runs show", File.ReadAllText(Path.Combine(output, "report.md")));
        File.WriteAllText(Path.Combine(queue, ExperimentReporting.FindingsFile), "Dormancy rises on Asterix at RR 1 (3 of 3 seeds).\n");
        new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, output, AnchorFiles.In(RepoRoot.Find()), bootstrap);
        var lines = File.ReadAllLines(Path.Combine(output, "report.md"));
        Assert.Equal(["## What these runs show", "", "Dormancy rises on Asterix at RR 1 (3 of 3 seeds)."], lines[2..5]);
    }

    [Fact]
    public void A_run_finished_outside_done_is_done_by_its_own_files()
    {
        var (queue, plan) = Tiny("runspec");
        var run = plan.Runs[0];
        var folder = Path.Combine(queue, "runs", run.Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunLayout.Summary), """{ "Frames": 1500, "Updates": 1000, "Finished": true }""");
        var states = RunStates.Of(TestDisk.Files, queue, plan);
        Assert.Equal(RunState.Done, states.Single(s => s.Run.Name == run.Name).State);   // its spec is still pending at the top
        Assert.All(states.Where(s => s.Run.Name != run.Name), s => Assert.Equal(RunState.Pending, s.State));
    }

    [Fact]
    public void A_run_s_replay_ratio_is_read_from_its_own_config_and_a_damaged_config_is_named()
    {
        var (queue, plan) = Tiny("settings", ["Agent:ReplayRatio=2"]);
        var run = plan.Runs[0];
        var folder = Path.Combine(queue, "runs", run.Name);
        Directory.CreateDirectory(folder);
        using (var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(queue, run.Name + ".json"))))
            File.WriteAllText(Path.Combine(folder, RunLayout.Config), spec.RootElement.GetProperty("Config").GetRawText());
        var output = TinyRuns.NewFolder("settings-report");
        var bootstrap = new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0);
        ReDo.Pure.Reports.ExperimentResults Report() => new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, output, AnchorFiles.In(RepoRoot.Find()), bootstrap);

        var results = Report();
        Assert.Equal(2, results.Runs.Single(r => r.Run.Name == run.Name).ReplayRatio);
        Assert.All(results.Runs.Where(r => r.Run.Name != run.Name), r => Assert.True(double.IsNaN(r.ReplayRatio), $"{r.Run.Name} has not started"));

        File.WriteAllText(Path.Combine(folder, RunLayout.Config), "{ \"Agent\": ");
        var damaged = Assert.Throws<ReDo.Pure.RunFolderException>(Report);
        Assert.Contains(folder, damaged.Message);
        Assert.Contains("looks damaged", damaged.Message);
    }

    [Fact]
    public void A_spec_shows_the_run_s_real_settings_and_plan_set_changes_every_run()
    {
        var (queue, plan) = Tiny("settled", ["Run:Frames=1000"]);
        foreach (var run in plan.Runs)
        {
            using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(queue, run.Name + ".json")));
            var config = spec.RootElement.GetProperty("Config");
            Assert.Equal(1000, config.GetProperty("Run").GetProperty("Frames").GetInt64());
            Assert.Equal(run.Seed, config.GetProperty("Run").GetProperty("Seed").GetInt32());
            Assert.Equal(run.SeriesId == "redo", config.GetProperty("Redo").GetProperty("Enabled").GetBoolean());
            Assert.Equal("Run:Frames=1000", run.Overrides[^1]);   // after the size's own Run:Frames
        }
        Assert.Equal(1000, plan.Frames);   // the report scores the last 10 % of the frames the runs have
        var again = Assert.Throws<ReDo.Pure.RunFolderException>(() => new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(
            ExperimentFiles.LoadManifest(TestDisk.Files, queue).Definition, "tiny", queue, 1));
        Assert.Contains("other settings", again.Message);
    }
}
