using ReDo.Pure.Control;
using ReDo.Pure.Games;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Metrics;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using ReDo.Properties.Integration.Resume;

namespace ReDo.Properties.Integration.Sac;

/// <summary>
/// SAC through the project's one runner (the same `redo train`, checkpoints, metrics and resume as
/// DQN): a run stopped anywhere and resumed ends with the same metrics.csv, online.weights and
/// summary.json, byte for byte, as the uninterrupted run — through ReDo recycles, evaluations,
/// episode ends, or through Resets and weight decay.
/// </summary>
[Collection(ResumeCollection.Name)]
public class SacRunnerTests
{
    /// <summary>A few seconds of Hopper: width 0.125, batch 32, 300 random steps, ReDo every 200 updates, an evaluation every 500 steps.</summary>
    static ExperimentConfig Tiny(bool reset = false) => new()
    {
        Run = new() { Game = Game.Of(ControlTaskId.Hopper), Frames = 1_500, Seed = 3, LogEvery = 250, EvalEpisodes = 1, CheckpointEvery = 250, KeepCheckpoints = 3 },
        Agent = new SacSettings { WidthMultiplier = 0.125, BatchSize = 32, ReplayCapacity = 1_000, InitialRandomSteps = 300, EvalPeriod = 500, EvalEpisodes = 1, WeightDecay = reset ? 1e-4 : 0 },
        Redo = new() { Enabled = !reset, Tau = 0.1, Period = 200, LogPeriod = 100 },
        Reset = new() { Enabled = reset, Period = 700, Layers = ConfigValidation.SacLayers },
    };

    static void AssertSameFile(string expectedFolder, string actualFolder, string file) =>
        Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))),
            $"{file} of {actualFolder} differs from {expectedFolder}");

    [MuJoCoTheory]
    [InlineData(false, 1_500)]
    [InlineData(false, 4_000)]
    [InlineData(true, 2_500)]
    public void A_sac_run_stopped_and_resumed_in_process_gives_the_uninterrupted_result(bool reset, int stopAfterMs)
    {
        var config = Tiny(reset);
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("sac-stop");
        using var stop = new CancellationTokenSource(stopAfterMs);
        var first = Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null, stop.Token);
        var resumed = first.Finished ? first : Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        Assert.True(resumed.Finished);
        foreach (var file in new[] { RunLayout.Metrics, RunLayout.Weights }) AssertSameFile(reference, folder, file);
        Assert.Equal(Runner.FinishedSummary(reference, TestDisk.Files)! with { FramesPerSecond = 0, RunFolder = "" }, resumed with { FramesPerSecond = 0, RunFolder = "" });
    }

    [MuJoCoFact]
    public void A_sac_run_logs_returns_evaluations_alpha_losses_and_dormancy_per_network()
    {
        var folder = TinyRuns.Reference(Tiny());
        var table = MetricsCsv.Parse(File.ReadAllText(Path.Combine(folder, RunLayout.Metrics)));
        Assert.Equal(["actor", "critic_1", "critic_2"], table.Layers);
        Assert.Equal(["eval_return", "alpha", "actor_loss", "alpha_loss", "entropy"], table.Extras);
        Assert.Equal([250L, 500, 750, 1000, 1250, 1500], table.Rows.Select(r => r.Frames));
        Assert.Equal([0L, 200, 450, 700, 950, 1200], table.Rows.Select(r => r.GradientSteps));   // 300 random steps, then one update per step
        double Extra(MetricsRow r, string name) => r.Extras.Single(x => x.Name == name).Value;
        // Evaluations after steps 500, 1000 and 1500 only; α and losses once updates run.
        Assert.Equal([false, true, false, true, false, true], table.Rows.Select(r => !double.IsNaN(Extra(r, "eval_return"))));
        Assert.True(double.IsNaN(Extra(table.Rows[0], "alpha")) && double.IsNaN(table.Rows[0].Loss));
        Assert.All(table.Rows.Skip(1), r => Assert.True(Extra(r, "alpha") is > 0 and < 1 && double.IsFinite(r.Loss) && double.IsFinite(Extra(r, "actor_loss"))));
        // Dormancy measured at gradient step 0 and every 100: present from the second row on; the overall lies between the networks'.
        Assert.All(table.Rows.Skip(1), r =>
        {
            var networks = r.LayersAtTau.Select(l => l.Fraction).ToList();
            Assert.InRange(r.DormantAtTau, networks.Min(), networks.Max());
        });
        Assert.True(table.Rows.Sum(r => r.NeuronsRecycled) > 0, "ReDo every 200 updates at τ = 0.1 must recycle some neurons");
        Assert.All(table.Rows.Where(r => r.Episodes > 0), r => Assert.True(double.IsFinite(r.ReturnLast100)));
        var summary = Runner.FinishedSummary(folder, TestDisk.Files)!;
        Assert.True(double.IsFinite(summary.EvalMeanReturn) && double.IsFinite(summary.RandomPolicyMeanReturn));
    }
}
