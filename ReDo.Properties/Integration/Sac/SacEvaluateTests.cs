using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Control;
using ReDo.Pure.Games;
using ReDo.Shell.Cli;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;
using ReDo.Properties.Integration.Resume;

namespace ReDo.Properties.Integration.Sac;

/// <summary>
/// <c>redo evaluate</c> on a finished SAC run: the actor read back from online.weights, played with its
/// mean action on the episodes summary.json's final evaluation played, gives summary.json's numbers
/// exactly; every episode starts from its own state; networks of another width are refused clearly.
/// </summary>
[Collection(ResumeCollection.Name)]
public class SacEvaluateTests
{
    /// <summary>Seconds of Hopper: width 0.125, 800 steps (300 random), a final evaluation over 3 episodes.</summary>
    static ExperimentConfig Tiny() => new()
    {
        Run = new() { Game = Game.Of(ControlTaskId.Hopper), Frames = 800, Seed = 4, LogEvery = 400, EvalEpisodes = 3, CheckpointEvery = 400 },
        Agent = new SacSettings { WidthMultiplier = 0.125, BatchSize = 32, ReplayCapacity = 1_000, InitialRandomSteps = 300, EvalPeriod = 0 },
    };

    [MuJoCoFact]
    public void Evaluating_a_finished_sac_run_replays_its_final_evaluation_exactly_from_distinct_starts()
    {
        var folder = TinyRuns.Reference(Tiny());
        var summary = Runner.FinishedSummary(folder, TestDisk.Files)!;
        var config = ConfigLoader.FromRunFolder(folder, TestDisk.Files);
        var weights = Path.Combine(folder, RunLayout.Weights);

        var (greedy, random) = EvaluateCommand.EvaluateSac(TestDisk.Files, config, weights, config.Run.EvalEpisodes);
        Assert.Equal(3, greedy.Length);
        Assert.Equal(summary.EvalMeanReturn, greedy.Average());
        Assert.Equal(summary.RandomPolicyMeanReturn, random.Average());
        Assert.Equal(3, greedy.Distinct().Count());   // a deterministic policy from one start would repeat its return

        // More episodes extend the same sequence of starts.
        var (five, _) = EvaluateCommand.EvaluateSac(TestDisk.Files, config, weights, 5);
        Assert.Equal(greedy, five[..3]);

        var wider = config with { Agent = config.Sac with { WidthMultiplier = 0.25 } };
        var e = Assert.Throws<CliError>(() => EvaluateCommand.EvaluateSac(TestDisk.Files, wider, weights, 1));
        Assert.Contains("it was written by another network", e.Message);
        Assert.Contains("Sac:WidthMultiplier", e.Message);

        using var cli = RedoProcess.Start("evaluate", folder, "--episodes", "3");
        Assert.Equal(0, cli.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains($"hopper: 3 episodes, greedy (mean action): mean return {summary.EvalMeanReturn:0.00}", cli.Output);
        using var epsilon = RedoProcess.Start("evaluate", folder, "--epsilon", "0.1");
        Assert.NotEqual(0, epsilon.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("--epsilon applies to DQN runs", epsilon.Output);
    }
}
