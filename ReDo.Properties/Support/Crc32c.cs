namespace ReDo.Properties;

/// <summary>
/// A table-driven CRC-32C (reversed polynomial 0x82F63B78, init and final xor 0xFFFFFFFF) for the
/// tests' own TFRecord reader, so that the check of TorchSharp's event files does not rest on the
/// CRC the writer used. Pinned to RFC 3720 B.4's vectors in <see cref="ChecksumExamples"/>.
/// </summary>
public static class Crc32c
{
    static readonly uint[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        uint c = (uint)i;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    /// <summary>TFRecord's masking (rotate right by 15, add a constant).</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = Compute(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }
}
