namespace ReDo.Pure.Statistics;

/// <summary>
/// A pure pseudo-random generator state (SplitMix64, Steele, Lea &amp; Flood 2014): every draw
/// returns the value and the next state, so a bootstrap is a function of its seed and nothing else.
/// </summary>
public readonly record struct SplitMix64(ulong State)
{
    const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public (ulong Value, SplitMix64 Next) NextUInt64()
    {
        ulong s = State + Gamma;
        ulong z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31), new SplitMix64(s));
    }

    /// <summary>An index uniform on [0, n) without modulo bias (rejection of the short last block).</summary>
    public (int Value, SplitMix64 Next) NextIndex(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "the range must hold at least one index");
        ulong limit = ulong.MaxValue - ulong.MaxValue % (ulong)n;   // largest multiple of n (exclusive)
        var state = this;
        while (true)
        {
            var (v, next) = state.NextUInt64();
            state = next;
            if (v < limit) return ((int)(v % (ulong)n), state);
        }
    }
}
