using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ReDo.Shell.Checksums;

namespace ReDo.Properties;

/// <summary>Decodes the PNGs we write (truecolour, 8 bit, filter 0) back to pixels, checking signature, chunk CRCs and IEND.</summary>
public static class PngDecoder
{
    public static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            throw new InvalidDataException("not a PNG signature");
        int at = 8, width = 0, height = 0;
        var idat = new MemoryStream();
        var types = new List<string>();
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)) != Crc32.IsoHdlc.Compute(png.AsSpan(at + 4, 4 + length)))
                throw new InvalidDataException($"{type} CRC mismatch");
            types.Add(type);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[9] != 2 || data[10] != 0 || data[11] != 0 || data[12] != 0)
                    throw new InvalidDataException("expected 8-bit truecolour, no interlace");
            }
            if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        if (types[0] != "IHDR" || types[^1] != "IEND") throw new InvalidDataException($"chunk order {string.Join(",", types)}");
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var scanlines = raw.ToArray();
        if (scanlines.Length != height * (1 + width * 3)) throw new InvalidDataException($"{scanlines.Length} bytes of scanlines for {width}×{height}");
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            if (scanlines[y * (1 + width * 3)] != 0) throw new InvalidDataException($"row {y} filter {scanlines[y * (1 + width * 3)]}");
            Array.Copy(scanlines, y * (1 + width * 3) + 1, rgb, y * width * 3, width * 3);
        }
        return (width, height, rgb);
    }
}
