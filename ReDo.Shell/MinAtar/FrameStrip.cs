using System.Collections.Immutable;
using ReDo.MinAtar;
using ReDo.Shell.Rendering;

namespace ReDo.Shell.MinAtar;

/// <summary>Lays frames out left to right (wrapping after <see cref="PerRow"/>) as an RGB image and saves it as PNG.</summary>
public static class FrameStrip
{
    public const int CellPixels = 8, Gap = 4, PerRow = 16;
    static readonly byte[] Background = [16, 16, 24], Separator = [60, 60, 70];

    public static (int Width, int Height) Size(int frames)
    {
        var columns = Math.Min(frames, PerRow);
        var rows = (frames + PerRow - 1) / PerRow;
        var side = Grid.Size * CellPixels;
        return (columns * side + (columns + 1) * Gap, rows * side + (rows + 1) * Gap);
    }

    public static void Save(string path, ImmutableArray<Glyph> glyphs, IReadOnlyList<ObservationPlanes> frames)
    {
        var (width, height) = Size(frames.Count);
        var rgb = new byte[width * height * 3];
        for (var p = 0; p < rgb.Length; p += 3) Separator.CopyTo(rgb, p);
        var side = Grid.Size * CellPixels;
        for (var f = 0; f < frames.Count; f++)
        {
            var left = Gap + f % PerRow * (side + Gap);
            var top = Gap + f / PerRow * (side + Gap);
            for (var y = 0; y < Grid.Size; y++)
                for (var x = 0; x < Grid.Size; x++)
                {
                    var g = Glyphs.At(glyphs, frames[f], x, y);
                    byte[] colour = g is null ? Background : [g.R, g.G, g.B];
                    Fill(rgb, width, left + x * CellPixels, top + y * CellPixels, colour);
                }
        }
        PngWriter.WriteRgb(path, width, height, rgb);
    }

    static void Fill(byte[] rgb, int width, int left, int top, byte[] colour)
    {
        for (var y = top; y < top + CellPixels; y++)
            for (var x = left; x < left + CellPixels; x++)
                colour.CopyTo(rgb, (y * width + x) * 3);
    }
}
