using ReDo.Pure.Games;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Integration.Agents;

/// <summary>
/// DQN learns Breakout: after a short run (≈ 30 s) the greedy policy's mean return beats the random
/// policy's, both over the same 10 evaluation episodes' seeds. Settings are chosen to learn fast
/// (Adam 1e-3, 1,000 warm-up frames, ε to 0.1 over 10,000 frames); ReDo is on so the recycle path runs too.
/// </summary>
public class LearningTests
{
    [Fact]
    public void Greedy_policy_beats_random_policy_on_breakout_after_a_short_run()
    {
        var config = new ExperimentConfig
        {
            Run = new RunSettings { Game = Game.Of(GameId.Breakout), Frames = 20_000, Seed = 3, LogEvery = 5_000, EvalEpisodes = 10 },
            Agent = new DqnSettings { Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, MinReplayHistory = 1_000, EpsilonDecayPeriod = 10_000, TargetUpdatePeriod = 500, ReplayCapacity = 20_000 },
            Redo = new RedoSettings { Enabled = true, Tau = 0.1, Period = 1_000, LogPeriod = 5_000 },
        };
        AssertLearns(config);
    }

    /// <summary>
    /// DrQ(ε) as shipped (configs/minatar-breakout-drq-redo.json: dueling, double DQN, shift
    /// augmentation, n = 10, Adam 1e-4) beats the random policy after 8,000 frames (≈ 30–40 s).
    /// </summary>
    [Fact]
    public void Drq_greedy_policy_beats_random_policy_on_breakout_after_a_short_run()
    {
        var config = ConfigLoader.Load(Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-drq-redo.json"),
            ["Run:Frames=8000", "Run:Seed=3", "Run:LogEvery=2000", "Run:EvalEpisodes=10"], TestDisk.Files);
        AssertLearns(config);
    }

    static void AssertLearns(ExperimentConfig config)
    {
        Assert.Empty(ConfigValidation.Validate(config));
        var folder = Path.Combine(Path.GetTempPath(), "redo-learning-" + Guid.NewGuid().ToString("N"));
        try
        {
            var summary = Runner.TrainNew(config, folder, TestDisk.Files, TextWriter.Null);
            Assert.Equal(config.Run.Frames, summary.Frames);
            Assert.True(summary.EvalMeanReturn > summary.RandomPolicyMeanReturn,
                $"greedy {summary.EvalMeanReturn} should beat random {summary.RandomPolicyMeanReturn}");
            foreach (var f in new[] { "config.json", "metrics.csv", "online.weights", "return.png", "dormant.png" })
                Assert.True(File.Exists(Path.Combine(folder, f)), f + " missing");
            Assert.Equal(5, File.ReadAllLines(Path.Combine(folder, RunLayout.Metrics)).Length); // header + Frames / LogEvery = 4 rows
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
