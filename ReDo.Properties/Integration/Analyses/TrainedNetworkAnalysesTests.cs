using System.Globalization;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Runs;
using ReDo.Shell.Analyses;
using ReDo.Shell.Cli;
using ReDo.Recycling;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Analyses;

/// <summary>
/// prune (Fig. 6), fit-targets (Fig. 8) and offline (Fig. 4) end to end through the real command line on
/// a tiny real run and its checkpoints: numbers and plots written, the laws they must obey, bad input named.
/// </summary>
public class TrainedNetworkAnalysesTests
{
    static string Run() => TinyRuns.Reference(TinyRuns.Config());

    static IReadOnlyList<long> Checkpoints(string run) =>
        Directory.GetDirectories(Path.Combine(run, RunLayout.Checkpoints)).Select(d => CheckpointNames.Frames(Path.GetFileName(d))).OfType<long>().Order().ToList();

    static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    static void AssertPng(string path) => Assert.True(PngDecoder.Decode(File.ReadAllBytes(path)).Width > 0, path);

    [Fact]
    public void Prune_writes_its_numbers_and_plots_and_pruning_at_tau_0_changes_nothing()
    {
        TorchSharp.torch.set_num_threads(1);
        var run = Run();
        var output = TinyRuns.NewFolder("prune");
        var (exit, stdout, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "prune", run, "--tau", "0", "0.1", "1.5", "--episodes", "3", "--probe", "64", "--out", output);
        Assert.True(exit == 0, stdout + error);
        var rows = Csv(Path.Combine(output, "prune.csv"));
        Assert.Equal(["0", "0.1", "1.5"], rows.Select(r => r["tau"]));
        // τ = 0 prunes only neurons silent on the probe batch: the outputs there, and so the greedy returns, are exactly unchanged.
        Assert.Equal("0", rows[0]["max_output_change_on_probe"]);
        Assert.Equal((0.0, 0.0, 0.0), (D(rows[0]["return_change"]), D(rows[0]["return_change_lower"]), D(rows[0]["return_change_upper"])));
        // The same full-network episodes for every τ; more neurons pruned as τ grows.
        Assert.Single(rows.Select(r => r["mean_return_full"]).Distinct());
        var pruned = rows.Select(r => int.Parse(r["pruned"], CultureInfo.InvariantCulture)).ToList();
        Assert.True(pruned[0] <= pruned[1] && pruned[1] <= pruned[2] && pruned[2] > 0, string.Join(",", pruned));
        Assert.All(rows, r => Assert.InRange(D(r["return_change"]), D(r["return_change_lower"]), D(r["return_change_upper"])));
        var episodes = Csv(Path.Combine(output, "prune-episodes.csv"));
        Assert.Equal(3 * 3, episodes.Count);
        Assert.All(episodes.Where(e => e["tau"] == "0"), e => Assert.Equal(e["return_full"], e["return_pruned"]));
        AssertPng(Path.Combine(output, "prune.png"));
        AssertPng(Path.Combine(output, "prune-fraction.png"));

        // The count at τ = 0 is the number of neurons silent on that probe batch, scored independently here.
        using var trained = TrainedRun.Load(TestDisk.Files, run);
        using var probe = trained.SampleStates(64, 0);
        var report = DormancyReport.Assess(trained.Agent.Spec, ActivationProbe.Measure(trained.Agent.Online, probe), 0);
        Assert.Equal(report.DormantCount, pruned[0]);
    }

    [Fact]
    public void Fit_targets_writes_both_curves_and_a_network_fitting_its_own_outputs_stays_at_loss_0()
    {
        TorchSharp.torch.set_num_threads(1);
        var run = Run();
        var newest = Checkpoints(run)[^1];
        var output = TinyRuns.NewFolder("fit");
        var (exit, stdout, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "fit-targets", "--teacher", run, "--student", run,
            "--student-checkpoint", newest.ToString(CultureInfo.InvariantCulture), "--steps", "40", "--log-every", "20", "--probe", "64", "--out", output);
        Assert.True(exit == 0, stdout + error);
        var rows = Csv(Path.Combine(output, "fit-targets.csv"));
        Assert.Equal([TargetFitting.Pretrained, TargetFitting.Pretrained, TargetFitting.Pretrained, TargetFitting.Fresh, TargetFitting.Fresh, TargetFitting.Fresh],
            rows.Select(r => r["condition"]));
        Assert.Equal(["0", "20", "40", "0", "20", "40"], rows.Select(r => r["gradient_step"]));
        Assert.Equal("", rows[0]["loss"]);
        // The student is the teacher itself: zero error, zero gradient, so nothing moves.
        var pretrained = rows.Where(r => r["condition"] == TargetFitting.Pretrained).ToList();
        Assert.All(pretrained.Skip(1), r => Assert.Equal(0.0, D(r["loss"])));
        Assert.Single(pretrained.Select(r => (r["dormant_at_0"], r["dormant_at_tau"])).Distinct());
        Assert.All(rows.Where(r => r["condition"] == TargetFitting.Fresh).Skip(1), r => Assert.True(D(r["loss"]) > 0));
        AssertPng(Path.Combine(output, "fit-targets-loss.png"));
        AssertPng(Path.Combine(output, "fit-targets-dormant.png"));
    }

    [Fact]
    public void Offline_writes_both_curves_from_the_same_start()
    {
        TorchSharp.torch.set_num_threads(1);
        var run = Run();
        var output = TinyRuns.NewFolder("offline");
        var (exit, stdout, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "offline", run, "--steps", "30", "--log-every", "10", "--probe", "64", "--tau", "0.1", "--out", output);
        Assert.True(exit == 0, stdout + error);
        var rows = Csv(Path.Combine(output, "offline.csv"));
        Assert.Equal(8, rows.Count);
        var td = rows.Where(r => r["condition"] == OfflineTargets.TdTargets).ToList();
        var random = rows.Where(r => r["condition"] == OfflineTargets.RandomTargets).ToList();
        Assert.Equal(["0", "10", "20", "30"], td.Select(r => r["gradient_step"]));
        Assert.Equal(["0", "10", "20", "30"], random.Select(r => r["gradient_step"]));
        // Both start from the same fresh network on the same probe batch.
        Assert.Equal((td[0]["dormant_at_0"], td[0]["dormant_at_tau"]), (random[0]["dormant_at_0"], random[0]["dormant_at_tau"]));
        Assert.All(td.Concat(random).Where(r => r["gradient_step"] != "0"), r => Assert.True(D(r["loss"]) >= 0));
        AssertPng(Path.Combine(output, "offline-dormant.png"));
        AssertPng(Path.Combine(output, "offline-loss.png"));
    }

    [Fact]
    public void Runs_without_the_needed_checkpoint_are_named()
    {
        var run = Run();
        var empty = TinyRuns.NewFolder("nockpt");
        Directory.CreateDirectory(empty);
        var (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "prune", empty);
        Assert.Equal(2, exit);
        Assert.Contains("config.json", error);

        var copy = TinyRuns.NewFolder("nockpt");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(run, RunLayout.Config), Path.Combine(copy, RunLayout.Config));
        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "offline", copy);
        Assert.Equal(2, exit);
        Assert.Contains("has no checkpoint", error);

        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "prune", run, "--checkpoint", "7");
        Assert.Equal(2, exit);
        Assert.Contains("there is no checkpoint ckpt-000000000007", error);
        Assert.Contains(CheckpointNames.For(Checkpoints(run)[^1]), error);

        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "fit-targets", "--teacher", run);
        Assert.Equal(2, exit);
        Assert.Contains("--student", error);

        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "offline", run, "--steps", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--steps = 0: allowed ", error);
    }
}
