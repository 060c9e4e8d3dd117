using System.Globalization;
using ReDo.Pure.Control;
using ReDo.Pure.Experiments;
using ReDo.Pure.Metrics;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Shell.Experiments;
using Xunit;
using ReDo.Properties.Integration.Resume;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Experiments;

/// <summary>
/// The sac-mujoco experiment end to end (plan → worker → report) on a tiny size, and the MuJoCo
/// normalisation anchors: our random-policy table is what our own command measures, and the SAC
/// reference table is the mean of the published per-seed values it lists.
/// </summary>
[Collection(ResumeCollection.Name)]
public class SacExperimentTests
{
    static string Root => RepoRoot.Find();

    [MuJoCoFact]
    public void Plan_worker_and_report_score_sac_runs_by_their_greedy_evaluation_normalised_by_the_mujoco_anchors()
    {
        var shipped = ExperimentFiles.Load(TestDisk.Files, "sac-mujoco", Path.Combine(Root, ExperimentFiles.DefaultFolder));
        // The shipped methods and score on a size of seconds: width 0.125, 600 steps (200 random), ReDo every 100 updates, Reset at step 300.
        var tiny = new ExperimentSize(["hopper", "halfcheetah"], "1", 600,
            ["Sac:WidthMultiplier=0.125", "Sac:BatchSize=32", "Sac:ReplayCapacity=1000", "Sac:InitialRandomSteps=200", "Sac:EvalPeriod=300", "Sac:EvalEpisodes=1",
             "Redo:Period=100", "Reset:Period=300", "Run:LogEvery=300", "Run:EvalEpisodes=1", "Run:CheckpointEvery=300"], "8 runs × 600 steps: seconds");
        var definition = shipped with { BaseConfig = Path.Combine(Root, shipped.BaseConfig), Sizes = new Dictionary<string, ExperimentSize> { ["tiny"] = tiny } };
        var queue = Path.Combine(TinyRuns.NewFolder("sac-experiment"), "queue");
        var plan = new ExperimentPlanning(TextWriter.Null, TestDisk.Files).Plan(definition, "tiny", queue, shards: 1);
        Assert.Equal(8, plan.Runs.Length);
        using (var worker = RedoProcess.Start("worker", "--queue", queue, "--exit-when-empty"))
            Assert.Equal(0, worker.WaitForExit(TimeSpan.FromMinutes(10)));

        var outFolder = Path.Combine(queue, "report");
        var results = new ExperimentReporting(TextWriter.Null, TestDisk.Files).Write(queue, outFolder, AnchorFiles.In(Root), new BootstrapSettings(Seed: 1));
        Assert.False(results.Partial);

        var random = RandomPolicyBaseline.ReadMeans(TestDisk.Files, Path.Combine(Root, AnchorFiles.DefaultRandomPolicyMuJoCo));
        var reference = ReferenceScores.Parse(File.ReadAllText(Path.Combine(Root, AnchorFiles.DefaultSacReference)), "sac-reference.csv");
        foreach (var series in results.Series)
        {
            Assert.Equal((2, 2), (series.Planned, series.Finished));
            foreach (var game in new[] { "hopper", "halfcheetah" })
            {
                // The run's score: its eval_return at the last row (the final 10 % of 600 steps holds only that row).
                var run = plan.Runs.Single(r => r.SeriesId == series.Series.Id && r.Game == game);
                var rows = MetricsCsv.Parse(File.ReadAllText(Path.Combine(queue, "runs", run.Name, RunLayout.Metrics))).Rows;
                double eval = rows[^1].Extras.Single(x => x.Name == ScoreMeasure.EvalReturn).Value;
                Assert.True(double.IsFinite(eval));
                Assert.Equal(eval, series.Raw!.Games.Single(g => g.Game == game).Runs.Single());
                double normalised = (eval - random[game]) / (reference[game].Return - random[game]);
                Assert.Equal(normalised, series.Normalized!.Games.Single(g => g.Game == game).Runs.Single(), 12);
            }
        }

        var report = File.ReadAllText(Path.Combine(outFolder, "report.md"));
        Assert.Contains("8 of 8 finished", report);
        Assert.Contains("`eval_return` (mean return of the greedy", report);
        Assert.Contains($"| hopper | {random["hopper"].ToString("0.###", CultureInfo.InvariantCulture)} | {reference["hopper"].Return.ToString("0.###", CultureInfo.InvariantCulture)} | Dopamine SAC baseline", report);
        Assert.Contains("raw MuJoCo returns of its TF-Agents SAC", report);
        foreach (var figure in new[] { "return-hopper", "return-halfcheetah", "dormant-hopper", "iqm", "profile" })
            Assert.Contains($"({figure}.png)", report);
    }

    /// <summary>A shipped experiment's plan of one size and each run's validated config.</summary>
    static (ExperimentPlan Plan, ReDo.Pure.Config.ExperimentConfig[] Configs) Planned(string experiment, string size)
    {
        var definition = ExperimentFiles.Load(TestDisk.Files, experiment, Path.Combine(Root, ExperimentFiles.DefaultFolder));
        var plan = ExperimentPlanner.Plan(definition, size);
        return (plan, [.. plan.Runs.Select(r => ReDo.Shell.Config.ConfigLoader.Load(Path.Combine(Root, definition.BaseConfig), r.Overrides, TestDisk.Files))]);
    }

    [Theory]
    [InlineData("quick", 18, 4)]
    [InlineData("full", 80, 4)]
    public void Sac_mujoco_sizes_plan_valid_runs_in_which_redo_and_reset_act_as_often_as_in_the_paper(string size, int runs, int times)
    {
        var (plan, configs) = Planned("sac-mujoco", size);
        Assert.Equal(runs, plan.Runs.Length);
        foreach (var config in configs)
        {
            long updates = (long)((config.Run.Frames - config.Sac.InitialRandomSteps) * config.Sac.ReplayRatio);
            // The paper: 990,000 updates with ReDo every 200,000 and 1 M steps with Reset every 200,000: 4 each before the end.
            if (config.Redo.Enabled) Assert.Equal(times, (updates - 1) / config.Redo.Period);
            if (config.Reset.Enabled) Assert.Equal(times, (config.Run.Frames - 1) / config.Reset.Period);
            Assert.Equal(size == "full" ? 200_000 : 10_000, config.Redo.Period);
            Assert.Equal(0.0, config.Redo.Tau);
        }
        Assert.Equal(size == "full" ? ["sac", "redo", "reset", "wd"] : ["sac", "redo", "reset"], plan.Series.Select(s => s.Id));
    }

    [Theory]
    [InlineData("quick", 18, 6_000)]
    [InlineData("full", 30, 200_000)]
    public void Sac_width_plans_both_methods_at_the_three_widths_with_redo_recycling_four_times(string size, int runs, long period)
    {
        var (plan, configs) = Planned("sac-width", size);
        Assert.Equal(runs, plan.Runs.Length);
        Assert.Equal(["sac-w0.25", "sac-w0.5", "sac-w1", "redo-w0.25", "redo-w0.5", "redo-w1"], plan.Series.Select(s => s.Id));
        foreach (var (run, config) in plan.Runs.Zip(configs))
        {
            Assert.Equal(("ant", period, 0.0), (config.Run.Game.Name, config.Redo.Period, config.Redo.Tau));
            Assert.Equal(run.SeriesId.EndsWith("w1") ? 1.0 : run.SeriesId.EndsWith("w0.5") ? 0.5 : 0.25, config.Sac.WidthMultiplier);
            Assert.Equal(run.SeriesId.StartsWith("redo"), config.Redo.Enabled);
            if (config.Redo.Enabled) Assert.Equal(4, ((config.Run.Frames - config.Sac.InitialRandomSteps) - 1) / config.Redo.Period);
        }
    }

    [MuJoCoFact]
    public void The_shipped_mujoco_random_policy_table_is_what_our_command_measures()
    {
        // Hopper and Walker2d fall within tens of steps under random actions: 100 episodes take a second.
        var shipped = File.ReadAllLines(Path.Combine(Root, AnchorFiles.DefaultRandomPolicyMuJoCo));
        foreach (var task in new[] { ControlTasks.Hopper, ControlTasks.Walker2d })
        {
            var measured = RandomPolicyBaseline.ToCsv([RandomPolicyBaseline.Measure(task, 100, 0)], 0).Split('\n')[1];
            Assert.Contains(measured, shipped);
        }
    }

    [Fact]
    public void The_sac_reference_table_anchors_the_paper_tasks_and_catches_a_mean_that_is_not_the_seeds_mean()
    {
        var reference = ReferenceScores.Parse(File.ReadAllText(Path.Combine(Root, AnchorFiles.DefaultSacReference)), "sac-reference.csv");
        var random = RandomPolicyBaseline.ReadMeans(TestDisk.Files, Path.Combine(Root, AnchorFiles.DefaultRandomPolicyMuJoCo));
        Assert.Equal(["ant", "halfcheetah", "hopper", "walker2d"], reference.Keys.Order());
        Assert.Equal(reference.Keys.Order(), random.Keys.Order());
        Assert.All(reference.Values, r => Assert.Equal(5, r.SeedValues.Count));
        Assert.All(reference.Values, r => Assert.True(r.Return > random[r.Game] + 1000, $"{r.Game}: reference {r.Return} vs random {random[r.Game]}"));

        var bad = $"{ReferenceScores.Header}\nhopper,2000,1000;2000;3001,somewhere\n";
        var e = Assert.Throws<FormatException>(() => ReferenceScores.Parse(bad, "x.csv"));
        Assert.Contains("x.csv, line 2: reference_return 2000 is not the mean", e.Message);
        Assert.Throws<FormatException>(() => ReferenceScores.Parse($"{ReferenceScores.Header}\nhopper,2,1;x;3,somewhere\n", "x.csv"));
        Assert.Throws<FormatException>(() => ReferenceScores.Parse($"{ReferenceScores.Header}\nhopper,2,2,\n", "x.csv"));
    }

    [Fact]
    public void Anchors_for_a_minatar_report_never_read_the_mujoco_tables()
    {
        var anchors = AnchorFiles.In(Root) with { RandomPolicyMuJoCo = "/nonexistent/random.csv", SacReference = "/nonexistent/sac.csv" };
        Assert.Contains("breakout", anchors.Load(TestDisk.Files, ["breakout", "asterix"]).Keys);
        var e = Assert.Throws<ReDo.Pure.DataFileException>(() => anchors.Load(TestDisk.Files, ["hopper"]));
        Assert.Contains("/nonexistent/random.csv", e.Message);
    }
}
