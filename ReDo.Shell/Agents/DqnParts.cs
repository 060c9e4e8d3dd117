using static ReDo.Shell.Checkpoints.CheckpointParts;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>
/// The binary checkpoint parts of a <see cref="DqnAgent"/> (its <see cref="IAgent.Bundle"/>): both networks, the
/// optimizer state (every moment and step count, in the byte layout of TorchSharp's save_state_dict), the filled part of the
/// replay buffer, and the state of the agent's own generator (never libtorch's process-wide one: see <see cref="Capture"/>).
/// Everything is loaded in place, so parameter handles (and the optimizer's view of them) stay valid.
/// </summary>
public static class DqnParts
{
    public const string Networks = "networks.bin", Optimizer = "optimizer.bin", Replay = "replay.bin", Generators = "generators.bin";

    public static IEnumerable<(string Name, byte[] Bytes)> Capture(DqnAgent agent)
    {
        yield return (Networks, Write(w => { agent.Online.save(w); agent.Target.save(w); }));
        yield return (Optimizer, Write(agent.Optimizer.Save));
        yield return (Replay, Write(w => WriteReplay(agent.Replay, w)));
        yield return (Generators, Write(w =>
        {
            // The slot where libtorch's global generator was saved stays, empty: the agent never draws from it, and it is
            // process-wide, so with --parallel every slot reseeds it and its state made checkpoints differ by timing alone.
            WriteBytes(w, []);
            using var redraw = agent.RedrawGenerator.get_state();
            WriteBytes(w, redraw.data<byte>().ToArray());
        }));
    }

    public static void Restore(DqnAgent agent, IReadOnlyDictionary<string, byte[]> parts)
    {
        Read(parts, Networks, r => { agent.Online.load(r); agent.Target.load(r); });
        Read(parts, Optimizer, agent.Optimizer.Load);
        Read(parts, Replay, r => ReadReplay(agent.Replay, r));
        Read(parts, Generators, r =>
        {
            ReadBytes(r);   // empty, or in older checkpoints the global generator's state: read past, never restored (nothing draws from it)
            using var redraw = tensor(ReadBytes(r));
            agent.RedrawGenerator.set_state(redraw);
        });
    }

    static void WriteReplay(ReplayBuffer replay, BinaryWriter w)
    {
        var (observations, actions, rewards, terminals) = replay.Storage;
        int filled = (int)Math.Min(replay.AddCount, replay.Capacity);
        int obsBytes = observations.Length / replay.Capacity;
        w.Write(replay.AddCount);
        w.Write(replay.Capacity);
        w.Write(replay.Channels);
        w.Write(observations, 0, filled * obsBytes);
        w.Write(actions, 0, filled);
        foreach (var r in rewards.AsSpan(0, filled)) w.Write(r);
        foreach (var t in terminals.AsSpan(0, filled)) w.Write(t);
    }

    static void ReadReplay(ReplayBuffer replay, BinaryReader r)
    {
        var (observations, actions, rewards, terminals) = replay.Storage;
        long addCount = r.ReadInt64();
        int capacity = r.ReadInt32(), channels = r.ReadInt32();
        if (capacity != replay.Capacity || channels != replay.Channels)
            throw new InvalidDataException($"the checkpoint's replay buffer holds {capacity} × {channels} channels, this agent's {replay.Capacity} × {replay.Channels}");
        int filled = (int)Math.Min(addCount, capacity);
        int obsBytes = observations.Length / capacity;
        r.BaseStream.ReadExactly(observations, 0, filled * obsBytes);
        r.BaseStream.ReadExactly(actions, 0, filled);
        for (int i = 0; i < filled; i++) rewards[i] = r.ReadSingle();
        for (int i = 0; i < filled; i++) terminals[i] = r.ReadBoolean();
        replay.RestoreCount(addCount);
    }
}
