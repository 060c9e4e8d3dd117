namespace ReDo.MinAtar;

/// <summary>Reads back what <see cref="StateWriter"/> wrote, in the same order; rejects short or overlong input.</summary>
public ref struct StateReader(ReadOnlySpan<int> words)
{
    readonly ReadOnlySpan<int> _words = words;
    int _next;

    public int Int() => _next < _words.Length
        ? _words[_next++]
        : throw new ArgumentException($"the game snapshot ends after {_words.Length} words; a complete one is longer.");

    public bool Flag() => Int() != 0;

    public UInt128 Cells()
    {
        UInt128 cells = 0;
        for (var shift = 0; shift < 128; shift += 32) cells |= (UInt128)(uint)Int() << shift;
        return cells;
    }

    public readonly void End()
    {
        if (_next != _words.Length)
            throw new ArgumentException($"the game snapshot has {_words.Length} words, the game read only {_next}.");
    }
}
