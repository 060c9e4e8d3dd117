namespace ReDo.Shell.Rendering;

/// <summary>
/// A white raster of 8-bit RGB pixels (row-major, 3 bytes a pixel) with the few primitives a line
/// chart needs. Drawing outside the canvas is clipped silently.
/// </summary>
public sealed class RgbCanvas
{
    public int Width { get; }
    public int Height { get; }
    public byte[] Rgb { get; }

    public RgbCanvas(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}: both sides must be positive");
        (Width, Height) = (width, height);
        Rgb = new byte[width * height * 3];
        Array.Fill(Rgb, (byte)255);
    }

    public Rendering.Rgb this[int x, int y]
    {
        get { int i = (y * Width + x) * 3; return new(Rgb[i], Rgb[i + 1], Rgb[i + 2]); }
    }

    public void SetPixel(int x, int y, Rendering.Rgb c)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
        int i = (y * Width + x) * 3;
        (Rgb[i], Rgb[i + 1], Rgb[i + 2]) = (c.R, c.G, c.B);
    }

    public void FillRect(int x, int y, int width, int height, Rendering.Rgb c)
    {
        for (int yy = Math.Max(0, y); yy < Math.Min(Height, y + height); yy++)
            for (int xx = Math.Max(0, x); xx < Math.Min(Width, x + width); xx++)
                SetPixel(xx, yy, c);
    }

    /// <summary>Outline of the rectangle whose corners are (x, y) and (x + width − 1, y + height − 1).</summary>
    public void DrawRect(int x, int y, int width, int height, Rendering.Rgb c)
    {
        FillRect(x, y, width, 1, c);
        FillRect(x, y + height - 1, width, 1, c);
        FillRect(x, y, 1, height, c);
        FillRect(x + width - 1, y, 1, height, c);
    }

    /// <summary>Bresenham line from (x0, y0) to (x1, y1), both ends included; thickness in pixels (square pen).</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rendering.Rgb c, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        int lo = -(thickness - 1) / 2, hi = thickness / 2;
        while (true)
        {
            for (int oy = lo; oy <= hi; oy++)
                for (int ox = lo; ox <= hi; ox++)
                    SetPixel(x0 + ox, y0 + oy, c);
            if (x0 == x1 && y0 == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>Text in <see cref="BitmapFont"/> with its top-left at (x, y); each font pixel becomes scale×scale.</summary>
    public void DrawText(int x, int y, string text, Rendering.Rgb c, int scale = 1)
    {
        foreach (var ch in text)
        {
            var glyph = BitmapFont.Glyph(ch);
            for (int col = 0; col < BitmapFont.GlyphWidth; col++)
                for (int row = 0; row < BitmapFont.GlyphHeight; row++)
                    if ((glyph[col] >> row & 1) != 0) FillRect(x + col * scale, y + row * scale, scale, scale, c);
            x += BitmapFont.CellWidth * scale;
        }
    }

    public static int TextWidth(string text, int scale = 1) => text.Length * BitmapFont.CellWidth * scale;
}
