namespace ReDo.NumPyRandom;

/// <summary>
/// The MT19937 bit generator as NumPy's legacy <c>RandomState</c> runs it: <c>init_genrand</c>
/// seeding, in-place sequential twist, standard tempering. Owned and advanced by one caller.
/// </summary>
public sealed class Mt19937
{
    public const int StateSize = 624;
    const int Shift = 397;
    const uint MatrixA = 0x9908b0df, UpperMask = 0x80000000, LowerMask = 0x7fffffff;

    readonly uint[] _mt = new uint[StateSize];
    int _pos;

    public Mt19937(uint seed) => Seed(seed);

    /// <summary>Classic <c>init_genrand</c>; the first draw after it twists.</summary>
    public void Seed(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < StateSize; i++)
            _mt[i] = 1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i;
        _pos = StateSize;
    }

    public uint Next32()
    {
        if (_pos >= StateSize) Twist();
        var y = _mt[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    /// <summary>First word is the high half (NumPy's 64-bit path, for ranges wider than 32 bits).</summary>
    public ulong Next64() => ((ulong)Next32() << 32) | Next32();

    void Twist()
    {
        // In place and sequential: for k ≥ 227 mt[k + 397] already holds its new value, as in the reference.
        for (var k = 0; k < StateSize; k++)
        {
            var y = (_mt[k] & UpperMask) | (_mt[(k + 1) % StateSize] & LowerMask);
            _mt[k] = _mt[(k + Shift) % StateSize] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0);
        }
        _pos = 0;
    }

    public RandomStateSnapshot Capture() => new([.. _mt], _pos);

    public void Restore(RandomStateSnapshot snapshot)
    {
        if (snapshot.Key.Length != StateSize)
            throw new ArgumentException($"an MT19937 key has {StateSize} words, the snapshot has {snapshot.Key.Length}.", nameof(snapshot));
        if (snapshot.Position is < 0 or > StateSize)
            throw new ArgumentException($"an MT19937 position lies in 0…{StateSize}, the snapshot has {snapshot.Position}.", nameof(snapshot));
        snapshot.Key.CopyTo(_mt);
        _pos = snapshot.Position;
    }
}
