using SkiaSharp;

namespace ReDo.Properties;

/// <summary>Decodes a PNG we wrote back to RGB pixels with SkiaSharp (the library that drew it), after checking the signature.</summary>
public static class PngDecoder
{
    static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height, byte[] Rgb) Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidDataException("not a PNG signature");
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("SkiaSharp cannot decode the PNG");
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                int i = (y * bitmap.Width + x) * 3;
                (rgb[i], rgb[i + 1], rgb[i + 2]) = (c.Red, c.Green, c.Blue);
            }
        return (bitmap.Width, bitmap.Height, rgb);
    }
}
