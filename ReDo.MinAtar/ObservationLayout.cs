using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReDo.MinAtar;

/// <summary>
/// The three forms of an observation: channels-first floats for the agents, a compact channel-major bit
/// string for replay memory, and MinAtar's boolean [y][x][c] array (plain or NumPy-packbits, as in the traces).
/// </summary>
public static class ObservationLayout
{
    /// <summary>Floats per channel-first observation: C·100.</summary>
    public static int FloatCount(int channels) => channels * Grid.Cells;

    /// <summary>Bytes of either bit form (compact or trace): C·100 bits, 8 per byte, zero-padded.</summary>
    public static int ByteCount(int channels) => (channels * Grid.Cells + 7) / 8;

    /// <summary>dest[c·100 + y·10 + x] = 1 or 0.</summary>
    public static void WriteChannelsFirst(in ObservationPlanes planes, int channels, Span<float> dest)
    {
        dest = dest[..FloatCount(channels)];
        for (var c = 0; c < channels; c++)
            WritePlane(planes[c], dest.Slice(c * Grid.Cells, Grid.Cells));
    }

    /// <summary>32 cells at a time: each bit becomes a 0/1 float (this is the hot path of stepping).</summary>
    static void WritePlane(UInt128 plane, Span<float> cells)
    {
        var lo = (ulong)plane;
        var hi = (ulong)(plane >> 64);
        ref var first = ref MemoryMarshal.GetReference(cells);
        Expand32((uint)lo, ref first);
        Expand32((uint)(lo >> 32), ref Unsafe.Add(ref first, 32));
        Expand32((uint)hi, ref Unsafe.Add(ref first, 64));
        var tail = (uint)(hi >> 32); // cells 96…99
        for (var i = 0; i < 4; i++) cells[96 + i] = (tail >> i) & 1;
    }

    /// <summary>Writes 32 floats: bit i of <paramref name="word"/> → 1f or 0f at dest[i].</summary>
    static void Expand32(uint word, ref float dest)
    {
        var one = Vector256.Create(1f).AsUInt32();
        var all = Vector256.Create(word);
        var mask = Vector256.Create(1u, 2, 4, 8, 16, 32, 64, 128);
        for (var k = 0; k < 4; k++, mask <<= 8)
            (Vector256.Equals(all & mask, mask) & one).AsSingle().StoreUnsafe(ref dest, (nuint)(8 * k));
    }

    /// <summary>
    /// Compact form: bit c·100 + y·10 + x, least significant bit of each byte first (so it is the
    /// channel planes laid end to end). C = 10 needs 125 bytes.
    /// </summary>
    public static void WriteBits(in ObservationPlanes planes, int channels, Span<byte> dest)
    {
        dest = dest[..ByteCount(channels)];
        dest.Clear();
        for (var c = 0; c < channels; c++)
        {
            var plane = planes[c];
            var bit = c * Grid.Cells;
            while (plane != UInt128.Zero)
            {
                var i = (int)UInt128.TrailingZeroCount(plane);
                plane &= plane - 1;
                var k = bit + i;
                dest[k >> 3] |= (byte)(1 << (k & 7));
            }
        }
    }

    /// <summary>Reads the compact form back into channels-first floats (what a replay buffer does on sampling).</summary>
    public static void ExpandBits(ReadOnlySpan<byte> bits, int channels, Span<float> dest)
    {
        var n = FloatCount(channels);
        for (var k = 0; k < n; k++) dest[k] = (bits[k >> 3] >> (k & 7)) & 1;
    }

    /// <summary>MinAtar's <c>state()</c>: dest[(y·10 + x)·C + c].</summary>
    public static void WriteBooleanHwc(in ObservationPlanes planes, int channels, Span<bool> dest)
    {
        for (var i = 0; i < Grid.Cells; i++)
            for (var c = 0; c < channels; c++)
                dest[i * channels + c] = ((planes[c] >> i) & UInt128.One) != UInt128.Zero;
    }

    /// <summary>Bit k of the trace form (most significant bit of each byte first).</summary>
    public static bool PackedBit(ReadOnlySpan<byte> packed, int k) => (packed[k >> 3] & PackedMask(k)) != 0;

    static byte PackedMask(int k) => (byte)(0x80 >> (k & 7));

    /// <summary>NumPy <c>packbits</c> of the [y][x][c] booleans: bit index (y·10 + x)·C + c, most significant bit first.</summary>
    public static void WritePackedHwc(in ObservationPlanes planes, int channels, Span<byte> dest)
    {
        dest = dest[..ByteCount(channels)];
        dest.Clear();
        for (var c = 0; c < channels; c++)
        {
            var plane = planes[c];
            while (plane != UInt128.Zero)
            {
                var i = (int)UInt128.TrailingZeroCount(plane);
                plane &= plane - 1;
                var k = i * channels + c;
                dest[k >> 3] |= PackedMask(k);
            }
        }
    }
}
