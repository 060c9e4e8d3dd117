namespace ReDo.Shell.Rendering;

/// <summary>CRC-32 (IEEE 802.3, reflected 0xEDB88320) as PNG chunks need it.</summary>
public static class Crc32
{
    static readonly uint[] Table = BuildTable();

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>Continues a running CRC; start with <c>0xFFFFFFFF</c> and invert the final value (see <see cref="Of"/>).</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        return crc;
    }

    public static uint Of(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFFu, data);
}
