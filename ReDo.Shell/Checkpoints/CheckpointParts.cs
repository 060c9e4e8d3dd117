using System.Collections.Immutable;
using ReDo.NumPyRandom;

namespace ReDo.Shell.Checkpoints;

/// <summary>How an agent writes and reads a binary checkpoint part: a length-checked stream of its own layout.</summary>
public static class CheckpointParts
{
    public static byte[] Write(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(w);
        return stream.ToArray();
    }

    public static void Read(IReadOnlyDictionary<string, byte[]> parts, string name, Action<BinaryReader> read)
    {
        if (!parts.TryGetValue(name, out var bytes)) throw new InvalidDataException($"the checkpoint has no {name}");
        using var r = new BinaryReader(new MemoryStream(bytes));
        read(r);
        if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{name} has {bytes.Length - r.BaseStream.Position} bytes more than this build reads");
    }

    public static void WriteBytes(BinaryWriter w, byte[] bytes) { w.Write(bytes.Length); w.Write(bytes); }
    public static byte[] ReadBytes(BinaryReader r) => r.ReadBytes(r.ReadInt32());

    /// <summary>An MT19937 state: position, key length, key.</summary>
    public static void WriteRandom(BinaryWriter w, RandomStateSnapshot random)
    {
        w.Write(random.Position);
        w.Write(random.Key.Length);
        foreach (var k in random.Key) w.Write(k);
    }

    public static RandomStateSnapshot ReadRandom(BinaryReader r)
    {
        int position = r.ReadInt32(), keys = r.ReadInt32();
        if (keys is < 0 or > 1 << 16) throw new InvalidDataException($"a generator state with {keys} key words is not an MT19937 state");
        var key = ImmutableArray.CreateBuilder<uint>(keys);
        for (int i = 0; i < keys; i++) key.Add(r.ReadUInt32());
        return new RandomStateSnapshot(key.MoveToImmutable(), position);
    }
}
