namespace ReDo.NumPyRandom;

/// <summary>
/// NumPy's legacy <c>RandomState</c>, restricted to what MinAtar uses: <c>rand()</c> (53-bit doubles from
/// two words) and <c>randint</c> (legacy masked rejection on the low bits). Bit-exact with NumPy 1.24.
/// </summary>
public sealed class RandomState
{
    readonly Mt19937 _bits;

    public RandomState(uint seed) => _bits = new Mt19937(seed);

    /// <summary>NumPy's <c>seed(s)</c> for an integer seed: restarts the stream in place.</summary>
    public void Seed(uint seed) => _bits.Seed(seed);

    public uint Next32() => _bits.Next32();

    /// <summary><c>rand()</c>: a double in [0, 1), an exact multiple of 2^-53.</summary>
    public double Rand()
    {
        var a = _bits.Next32() >> 5;
        var b = _bits.Next32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary><c>rand(n)</c>: n successive <see cref="Rand()"/> draws.</summary>
    public void Rand(Span<double> into)
    {
        for (var i = 0; i < into.Length; i++) into[i] = Rand();
    }

    /// <summary><c>randint(high)</c>, i.e. an integer in [0, high).</summary>
    public int RandInt(int high)
    {
        if (high <= 0) throw new ArgumentOutOfRangeException(nameof(high), high, "high <= 0");
        return (int)RandInt(0L, high);
    }

    public int RandInt(int low, int high) => (int)RandInt((long)low, high);

    /// <summary><c>randint(low, high)</c>: an integer in [low, high); a single-value range draws nothing.</summary>
    public long RandInt(long low, long high)
    {
        if (low >= high) throw new ArgumentOutOfRangeException(nameof(high), high, "low >= high");
        var range = (ulong)(high - low - 1);
        if (range == 0) return low;
        if (range == 0xffffffff) return low + _bits.Next32();
        if (range < 0xffffffff)
        {
            var mask32 = (uint)Mask(range);
            uint v;
            do v = _bits.Next32() & mask32; while (v > range);
            return low + v;
        }
        if (range == ulong.MaxValue) return low + (long)_bits.Next64();
        var mask = Mask(range);
        ulong w;
        do w = _bits.Next64() & mask; while (w > range);
        return low + (long)w;
    }

    /// <summary><c>randint(low, high, size=n)</c>: n successive draws.</summary>
    public void RandInt(int low, int high, Span<int> into)
    {
        for (var i = 0; i < into.Length; i++) into[i] = RandInt(low, high);
    }

    /// <summary>Smallest 2^k − 1 ≥ range.</summary>
    static ulong Mask(ulong range)
    {
        var m = range;
        m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32;
        return m;
    }

    public RandomStateSnapshot Capture() => _bits.Capture();

    public void Restore(RandomStateSnapshot snapshot) => _bits.Restore(snapshot);
}
