namespace ReDo.Shell.Checksums;

/// <summary>
/// Table-driven reflected CRC-32 (init and final xor 0xFFFFFFFF). Two polynomials are needed:
/// ISO-HDLC for PNG chunks and Castagnoli (CRC-32C) for TFRecord framing. Hand-written because
/// the BCL has neither without the System.IO.Hashing package.
/// </summary>
public sealed class Crc32
{
    /// <summary>CRC-32 of zlib and PNG (reversed polynomial 0xEDB88320).</summary>
    public static readonly Crc32 IsoHdlc = new(0xEDB88320u);
    /// <summary>CRC-32C (reversed polynomial 0x82F63B78), used by TFRecord.</summary>
    public static readonly Crc32 Castagnoli = new(0x82F63B78u);

    readonly uint[] _table = new uint[256];

    Crc32(uint reversedPolynomial)
    {
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? reversedPolynomial ^ (c >> 1) : c >> 1;
            _table[i] = c;
        }
    }

    public uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues <paramref name="crc"/> (a finished CRC of earlier bytes) over <paramref name="data"/>.</summary>
    public uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (var b in data) c = _table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
