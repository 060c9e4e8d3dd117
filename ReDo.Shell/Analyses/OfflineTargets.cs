using ReDo.MinAtar.Random;
using System.Diagnostics;
using ReDo.Pure.Analyses;
using ReDo.Shell.Agents;
using ReDo.Shell.Rendering;
using TorchSharp;
using static TorchSharp.torch;

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

    public static OfflineResult Run(string runFolder, long? frames, long steps, long logEvery, double? tau, int probeSize, uint seed, string outFolder, TextWriter progress)
    {
        using var run = TrainedRun.Load(runFolder, frames);
        var spec = run.Agent.Spec;
        var agent = run.Config.Agent;
        double t = tau ?? run.Config.Redo.Tau;
        long period = Math.Max(1, (long)Math.Round(agent.TargetUpdatePeriod * agent.ReplayRatio));
        using var probe = run.SampleStates(probeSize, seed);
        progress.WriteLine($"offline on {run.Name}'s replay ({run.Checkpoint}, {Math.Min(run.Agent.Replay.AddCount, run.Agent.Replay.Capacity):N0} transitions): {steps:N0} steps with TD targets (target sync every {period:N0} steps) and with fixed random targets; τ = {t}");

        var points = new List<RegressionPoint>();
        Directory.CreateDirectory(outFolder);
        var csv = Path.Combine(outFolder, "offline.csv");
        File.WriteAllText(csv, RegressionCurves.Header);
        var clock = Stopwatch.StartNew();
        foreach (var condition in new[] { TdTargets, RandomTargets })
        {
            using var initial = new Generator(seed, CPU);
            using var online = AgentNetworks.Build(spec, initial);
            using var other = new Generator(seed + 1, CPU);
            using var target = AgentNetworks.Build(spec, other);   // TD: the target network; random: the fixed random network
            if (condition == TdTargets) AgentNetworks.CopyInto(online, target);
            using var optimizer = AgentNetworks.Optimizer(online, agent);
            using var batches = new ReplayBatches(run.Agent.Replay, spec, agent, new RandomState(seed + 2));
            Func<long, float> update = condition == TdTargets
                ? step =>
                {
                    float loss = QLearningUpdate.Step(online, target, optimizer, batches.Next(), agent.DoubleDqn);
                    if (step % period == 0) AgentNetworks.CopyInto(online, target);
                    return loss;
                }
                : _ => RandomTargetStep(online, target, optimizer, batches.Next());
            points.AddRange(FixedDataTraining.Run(condition, online, update, probe, t, steps, logEvery, p =>
            {
                File.AppendAllText(csv, RegressionCurves.Line(p));
                long done = (condition == TdTargets ? 0 : steps) + p.Step;
                progress.WriteLine(FixedDataTraining.ProgressLine(p, done, 2 * steps, clock.Elapsed.TotalSeconds, t));
            }));
        }
        var title = $"offline on {run.Name}'s replay";
        var files = new List<string>
        {
            csv,
            RunPlots.Save(RegressionCurves.Dormant($"{title}: dormant neurons", points, t), Path.Combine(outFolder, "offline-dormant.png")),
            RunPlots.Save(RegressionCurves.Loss($"{title}: Huber loss", points), Path.Combine(outFolder, "offline-loss.png")),
        };
        return new OfflineResult(run.Checkpoint, t, period, points, files);
    }

    /// <summary>
    /// The agent's own update with the targets replaced: bootstrap discount 0 and "return" = the random
    /// network's value of the taken action, so y = 0 · Q′ + R is exactly the fixed random target.
    /// </summary>
    static float RandomTargetStep(Networks.IRecyclableNetwork online, Networks.IRecyclableNetwork random, Optimizers.FlatOptimizer optimizer, TransitionBatch batch)
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
