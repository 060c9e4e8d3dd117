using ReDo.Recycling.Networks;
using TorchSharp;
using ReDo.Shell.Checkpoints;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// The binary checkpoint parts of a <see cref="SacAgent"/>, as <see cref="DqnParts"/> writes DQN's:
/// actor, critics, target critics and log α; the three optimizers (moments and step counts); the
/// filled part of the replay buffer; the libtorch generator (initialisation, policy noise, ReDo and
/// Reset draws); and the counters with the replay/initial-collect generator. Everything loads in place,
/// so the optimizers' flat views stay valid, and a restored agent continues bit for bit.
/// </summary>
public static class SacParts
{
    public const string Networks = "sac-networks.bin", Optimizers = "sac-optimizers.bin", Replay = "sac-replay.bin", Generators = "sac-generators.bin";

    public static IEnumerable<(string Name, byte[] Bytes)> Capture(SacAgent agent)
    {
        yield return (Networks, CheckpointParts.Write(w =>
        {
            foreach (var net in NetworksOf(agent)) net.save(w);
            w.Write(agent.LogAlpha.item<float>());
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
    }

    public static void Restore(SacAgent agent, IReadOnlyDictionary<string, byte[]> parts)
    {
        CheckpointParts.Read(parts, Networks, r =>
        {
            foreach (var net in NetworksOf(agent)) net.load(r);
            using var logAlpha = ((double)r.ReadSingle()).ToScalar();
            using var _ = no_grad();
            agent.LogAlpha.fill_(logAlpha);
        });
        CheckpointParts.Read(parts, Optimizers, r => { foreach (var o in OptimizersOf(agent)) o.Load(r); });
        CheckpointParts.Read(parts, Replay, agent.Replay.Load);
        CheckpointParts.Read(parts, Generators, r =>
        {
            long steps = r.ReadInt64(), updates = r.ReadInt64();
            agent.Random.Restore(CheckpointParts.ReadRandom(r));
            using var state = tensor(CheckpointParts.ReadBytes(r));
            agent.Generator.set_state(state);
            agent.RestoreCounters(steps, updates);
        });
    }

    static SpecNetwork[] NetworksOf(SacAgent a) => [a.Actor, a.Critic1, a.Critic2, a.Target1, a.Target2];
    static ReDo.Recycling.Optimizers.FlatOptimizer[] OptimizersOf(SacAgent a) => [a.ActorOptimizer, a.CriticOptimizer, a.AlphaOptimizer];
}
