using ReDo.NumPyRandom;
using ReDo.Pure.Analyses;
using ReDo.Shell.Agents;
using static TorchSharp.torch;
using ReDo.Shell.Files;

namespace ReDo.Shell.Analyses;

/// <summary>What <c>redo analyze offline</c> measured and wrote.</summary>
public sealed record OfflineResult(string Checkpoint, double Tau, long TargetPeriod, IReadOnlyList<RegressionPoint> Points, IReadOnlyList<string> Files);

/// <summary>
/// Paper §3, Fig. 4: are non-stationary targets what makes neurons dormant? A fresh network trains
/// offline on a finished run's replay buffer (a fixed dataset) with (a) ordinary TD targets
/// R + γⁿ max Q_target(s′) — non-stationary, as the target network follows the online one — and
/// (b) fixed random targets — stationary: the Q value of the taken action under a second, randomly
/// initialised network that never trains (our choice; the paper says only "fixed random targets").
/// Same initial network, batches, Huber loss and optimizer (the run's settings) in both; the target
/// network syncs every Agent:TargetUpdatePeriod × Agent:ReplayRatio gradient steps (the run's period,
/// counted in updates).
/// </summary>
public static class OfflineTargets
{
    public const string TdTargets = "TD targets", RandomTargets = "fixed random targets";

    public static OfflineResult Run(IRunFiles files, string runFolder, long? frames, long steps, long logEvery, double? tau, int probeSize, uint seed, string outFolder, TextWriter progress)
    {
        using var run = TrainedRun.Load(files, runFolder, frames);
        var spec = run.Agent.Spec;
        var agent = run.Config.Dqn;
        double t = tau ?? run.Config.Redo.Tau;
        long period = Math.Max(1, (long)Math.Round(agent.TargetUpdatePeriod * agent.ReplayRatio));
        using var probe = run.SampleStates(probeSize, seed);
        progress.WriteLine($"offline on {run.Name}'s replay ({run.Checkpoint}, {Math.Min(run.Agent.Replay.AddCount, run.Agent.Replay.Capacity):N0} transitions): {steps:N0} steps with TD targets (target sync every {period:N0} steps) and with fixed random targets; τ = {t}");

        FixedDataCondition Start(string condition, ConditionScope scope)
        {
            var online = scope.Own(AgentNetworks.Build(spec, scope.Own(new Generator(seed, CPU))));
            var target = scope.Own(AgentNetworks.Build(spec, scope.Own(new Generator(seed + 1, CPU))));   // TD: the target network; random: the fixed random network
            if (condition == TdTargets) AgentNetworks.CopyInto(online, target);
            var optimizer = scope.Own(AgentNetworks.Optimizer(online, agent));
            var batches = scope.Own(new ReplayBatches(run.Agent.Replay, spec, agent, new RandomState(seed + 2)));
            return new FixedDataCondition(online, condition == TdTargets
                ? step =>
                {
                    float loss = QLearningUpdate.Step(online, target, optimizer, batches.Next(), agent.DoubleDqn);
                    if (step % period == 0) AgentNetworks.CopyInto(online, target);
                    return loss;
                }
                : _ => RandomTargetStep(online, target, optimizer, batches.Next()));
        }
        var (points, written) = FixedDataTraining.Compare(files, [TdTargets, RandomTargets], Start, probe, t, steps, logEvery,
            new FixedDataOutput(outFolder, "offline", $"offline on {run.Name}'s replay", "Huber loss"), progress);
        return new OfflineResult(run.Checkpoint, t, period, points, written);
    }

    /// <summary>
    /// The agent's own update with the targets replaced: bootstrap discount 0 and "return" = the random
    /// network's value of the taken action, so y = 0 · Q′ + R is exactly the fixed random target.
    /// </summary>
    static float RandomTargetStep(ReDo.Recycling.Networks.IRecyclableNetwork online, ReDo.Recycling.Networks.IRecyclableNetwork random, ReDo.Recycling.Optimizers.FlatOptimizer optimizer, TransitionBatch batch)
    {
        using var scope = NewDisposeScope();
        Tensor y, noBootstrap;
        using (no_grad())
        {
            y = random.Forward(batch.States).gather(1, batch.Actions.unsqueeze(1)).squeeze(1);
            noBootstrap = zeros_like(batch.BootstrapDiscounts);
        }
        return QLearningUpdate.Step(online, random, optimizer, batch with { Returns = y, BootstrapDiscounts = noBootstrap });
    }
}
