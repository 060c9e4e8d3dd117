using System.Collections.Immutable;

namespace ReDo.MinAtar;

/// <summary>Collects a game's state as a flat list of integers (every field of every game is a small integer or a flag).</summary>
public sealed class StateWriter
{
    readonly ImmutableArray<int>.Builder _words = ImmutableArray.CreateBuilder<int>();

    public void Add(int value) => _words.Add(value);

    public void Add(bool flag) => _words.Add(flag ? 1 : 0);

    /// <summary>A 100-bit board as four 32-bit words, low word first.</summary>
    public void Add(UInt128 cells)
    {
        for (var shift = 0; shift < 128; shift += 32) _words.Add((int)(uint)(cells >> shift));
    }

    public ImmutableArray<int> ToImmutable() => _words.ToImmutable();
}
