using ReDo.Pure.Agents;
using ReDo.Recycling.Networks;
using TorchSharp;
using ReDo.Shell.Checkpoints;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// The binary checkpoint parts of a <see cref="SacAgent"/>, as <see cref="DqnParts"/> writes DQN's:
/// actor, critics, target critics and log α; the three optimizers (moments and step counts); the
/// filled part of the replay buffer; the libtorch generator (initialisation, policy noise, ReDo and
/// Reset draws); the clock with the replay/initial-collect generator; and, with a periodic evaluation,
/// its task's generator (its episodes always finish, so that is all its future depends on). Everything
/// loads in place, so the optimizers' flat views stay valid, and a restored agent continues bit for bit.
/// </summary>
public static class SacParts
{
    public const string Networks = "sac-networks.bin", Optimizers = "sac-optimizers.bin", Replay = "sac-replay.bin", Generators = "sac-generators.bin",
        Evaluation = "sac-evaluation.bin";

    public static IEnumerable<(string Name, byte[] Bytes)> Capture(SacAgent agent)
    {
        yield return (Networks, CheckpointParts.Write(w =>
        {
            foreach (var net in NetworksOf(agent)) net.save(w);
            w.Write(agent.Learner.LogAlpha.item<float>());
        }));
        yield return (Optimizers, CheckpointParts.Write(w => { foreach (var o in OptimizersOf(agent)) o.Save(w); }));
        yield return (Replay, CheckpointParts.Write(agent.Replay.Save));
        yield return (Generators, CheckpointParts.Write(w =>
        {
            w.Write(agent.EnvironmentSteps);
            w.Write(agent.Updates);
            CheckpointParts.WriteRandom(w, agent.Random.Capture());
            using var state = agent.Generator.get_state();
            CheckpointParts.WriteBytes(w, state.data<byte>().ToArray());
        }));
        if (agent.EvaluationTask is { } task)
            yield return (Evaluation, CheckpointParts.Write(w => CheckpointParts.WriteRandom(w, task.CaptureRandom())));
    }

    public static void Restore(SacAgent agent, IReadOnlyDictionary<string, byte[]> parts)
    {
        CheckpointParts.Read(parts, Networks, r =>
        {
            foreach (var net in NetworksOf(agent)) net.load(r);
            using var logAlpha = ((double)r.ReadSingle()).ToScalar();
            using var _ = no_grad();
            agent.Learner.LogAlpha.fill_(logAlpha);
        });
        CheckpointParts.Read(parts, Optimizers, r => { foreach (var o in OptimizersOf(agent)) o.Load(r); });
        CheckpointParts.Read(parts, Replay, agent.Replay.Load);
        CheckpointParts.Read(parts, Generators, r =>
        {
            long steps = r.ReadInt64(), updates = r.ReadInt64();
            agent.Random.Restore(CheckpointParts.ReadRandom(r));
            using var state = tensor(CheckpointParts.ReadBytes(r));
            agent.Generator.set_state(state);
            agent.RestoreClock(new AgentClock(steps, updates));
        });
        if (agent.EvaluationTask is { } task)
            CheckpointParts.Read(parts, Evaluation, r => task.RestoreRandom(CheckpointParts.ReadRandom(r)));
    }

    static SpecNetwork[] NetworksOf(SacAgent a) => [a.Learner.Actor, a.Learner.Critic1, a.Learner.Critic2, a.Learner.Target1, a.Learner.Target2];
    static ReDo.Recycling.Optimizers.FlatOptimizer[] OptimizersOf(SacAgent a) => [a.Learner.ActorOptimizer, a.Learner.CriticOptimizer, a.Learner.AlphaOptimizer];
}
