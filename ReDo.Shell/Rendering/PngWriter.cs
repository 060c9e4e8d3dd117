using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReDo.Shell.Checksums;

namespace ReDo.Shell.Rendering;

/// <summary>
/// Minimal PNG encoder: 8-bit truecolour (colour type 2), no interlace, every scanline with
/// filter 0, one IDAT chunk deflated by <see cref="ZLibStream"/>. Deterministic for given pixels.
/// </summary>
public static class PngWriter
{
    static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void WriteRgb(string path, int width, int height, ReadOnlySpan<byte> rgb) =>
        File.WriteAllBytes(path, EncodeRgb(width, height, rgb));

    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: both sides must be positive");
        if (rgb.Length != (long)width * height * 3)
            throw new ArgumentException($"{width}×{height} RGB needs {(long)width * height * 3} bytes, got {rgb.Length}", nameof(rgb));
        using var png = new MemoryStream();
        png.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;   // bit depth
        header[9] = 2;   // truecolour; compression, filter, interlace methods stay 0
        Chunk(png, "IHDR", header);

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true))
            for (int y = 0; y < height; y++)
            {
                z.WriteByte(0);   // filter type None
                z.Write(rgb.Slice(y * width * 3, width * 3));
            }
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Length (big-endian), type, data, CRC-32 of type and data.</summary>
    static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.IsoHdlc.Append(Crc32.IsoHdlc.Compute(typeBytes), data));
        png.Write(word);
    }
}
