using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReDo.Shell.Rendering;
using Xunit;

namespace ReDo.Properties.Shell;

public class PngWriterTests
{
    [Fact]
    public void Crc32_of_the_check_string_is_the_standard_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Of("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Of("IEND"u8)); // the CRC every PNG ends with
    }

    [Fact]
    public void Written_png_decodes_back_to_the_pixels()
    {
        const int width = 3, height = 2;
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90];
        using var stream = new MemoryStream();
        PngWriter.WriteRgb(stream, width, height, rgb);
        var png = stream.ToArray();

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        var chunks = Chunks(png[8..]).ToList();
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.All(chunks, c => Assert.True(c.CrcOk, c.Type));
        var ihdr = chunks[0].Data;
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(ihdr));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4)));
        Assert.Equal([8, 2, 0, 0, 0], ihdr[8..]);

        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal(height * (1 + width * 3), raw.Length);
        Assert.Equal(rgb[..9], raw[1..10]);
        Assert.Equal(rgb[9..], raw[11..20]);
        Assert.Equal(0, raw[0]);
        Assert.Equal(0, raw[10]);
    }

    [Fact]
    public void Pixel_count_must_match_the_size()
    {
        Assert.Throws<ArgumentException>(() => PngWriter.WriteRgb(new MemoryStream(), 2, 2, new byte[11]));
    }

    static IEnumerable<(string Type, byte[] Data, bool CrcOk)> Chunks(byte[] bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var typeAndData = bytes.AsSpan(at + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + length));
            yield return (Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray(), Crc32.Of(typeAndData) == crc);
            at += 12 + length;
        }
    }
}
