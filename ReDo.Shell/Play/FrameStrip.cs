using System.Collections.Immutable;
using ReDo.MinAtar;
using ReDo.Shell.Files;
using SkiaSharp;

namespace ReDo.Shell.Play;

/// <summary>Lays frames out left to right (wrapping after <see cref="PerRow"/>) as an image and saves it as PNG (SkiaSharp, which ScottPlot draws with).</summary>
public static class FrameStrip
{
    public const int CellPixels = 8, Gap = 4, PerRow = 16;
    static readonly SKColor Background = new(16, 16, 24), Separator = new(60, 60, 70);

    public static (int Width, int Height) Size(int frames)
    {
        var columns = Math.Min(frames, PerRow);
        var rows = (frames + PerRow - 1) / PerRow;
        var side = Grid.Size * CellPixels;
        return (columns * side + (columns + 1) * Gap, rows * side + (rows + 1) * Gap);
    }

    public static void Save(string path, ImmutableArray<Glyph> glyphs, IReadOnlyList<ObservationPlanes> frames, IRunFiles files)
    {
        var (width, height) = Size(frames.Count);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Separator);
            using var paint = new SKPaint { IsAntialias = false };
            var side = Grid.Size * CellPixels;
            for (var f = 0; f < frames.Count; f++)
            {
                var left = Gap + f % PerRow * (side + Gap);
                var top = Gap + f / PerRow * (side + Gap);
                for (var y = 0; y < Grid.Size; y++)
                    for (var x = 0; x < Grid.Size; x++)
                    {
                        var g = Glyphs.At(glyphs, frames[f], x, y);
                        paint.Color = g is null ? Background : new SKColor(g.R, g.G, g.B);
                        canvas.DrawRect(left + x * CellPixels, top + y * CellPixels, CellPixels, CellPixels, paint);
                    }
            }
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        files.WriteDurable(path, png.AsSpan());
    }
}
