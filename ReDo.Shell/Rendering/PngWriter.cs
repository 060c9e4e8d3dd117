using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ReDo.Shell.Rendering;

/// <summary>
/// A minimal PNG encoder: 8-bit RGB, no interlace, filter 0 on every scanline, one zlib IDAT chunk.
/// Enough for frame strips and plots without an imaging dependency.
/// </summary>
public static class PngWriter
{
    static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes <paramref name="rgb"/> (row-major, 3 bytes per pixel, top row first) to <paramref name="path"/>.</summary>
    public static void WriteRgb(string path, int width, int height, ReadOnlySpan<byte> rgb)
    {
        using var file = File.Create(path);
        WriteRgb(file, width, height, rgb);
    }

    public static void WriteRgb(Stream output, int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"a PNG needs a positive size, got {width} × {height}.");
        if (rgb.Length != checked(width * height * 3))
            throw new ArgumentException($"{width} × {height} RGB pixels need {width * height * 3} bytes, got {rgb.Length}.", nameof(rgb));
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour
        // compression, filter and interlace methods stay 0
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(width, height, rgb));
        WriteChunk(output, "IEND", []);
    }

    static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgb)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            var stride = width * 3;
            for (var y = 0; y < height; y++)
            {
                zlib.WriteByte(0); // filter type None
                zlib.Write(rgb.Slice(y * stride, stride));
            }
        }
        return buffer.ToArray();
    }

    static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeBytes), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~crc);
        output.Write(word);
    }
}
