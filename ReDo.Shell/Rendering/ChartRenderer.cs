using ReDo.Pure.Metrics.Plotting;

namespace ReDo.Shell.Rendering;

/// <summary>Draws a <see cref="ChartSpec"/> onto a canvas: grid, axes with tick labels, titles, lines, legend.</summary>
public static class ChartRenderer
{
    const int Cell = BitmapFont.CellWidth, Line = BitmapFont.CellHeight + 2;

    public static RgbCanvas Render(ChartSpec spec, int width = 900, int height = 540)
    {
        var layout = ChartLayout.Of(spec, width, height, Cell, Line);
        var canvas = new RgbCanvas(width, height);
        var plot = layout.Plot;

        foreach (var t in layout.YTicks)
        {
            int y = Pixel(layout.Y.ToPixel(t.Value));
            canvas.FillRect(plot.Left, y, plot.Width, 1, Rgb.LightGrey);
            canvas.DrawText(plot.Left - Cell - RgbCanvas.TextWidth(t.Label), y - 3, t.Label, Rgb.Black);
        }
        foreach (var t in layout.XTicks)
        {
            int x = Pixel(layout.X.ToPixel(t.Value));
            canvas.FillRect(x, plot.Top, 1, plot.Height, Rgb.LightGrey);
            canvas.DrawText(x - RgbCanvas.TextWidth(t.Label) / 2, plot.Bottom + 5, t.Label, Rgb.Black);
        }
        canvas.DrawRect(plot.Left, plot.Top, plot.Width, plot.Height, Rgb.Grey);

        canvas.DrawText((width - RgbCanvas.TextWidth(spec.Title, 2)) / 2, 6, spec.Title, Rgb.Black, 2);
        canvas.DrawText(Math.Max(2, plot.Left - RgbCanvas.TextWidth(spec.YLabel) / 2), plot.Top - Line - 4, spec.YLabel, Rgb.Black);
        canvas.DrawText(plot.Left + (plot.Width - RgbCanvas.TextWidth(spec.XLabel)) / 2, plot.Bottom + Line + 10, spec.XLabel, Rgb.Black);

        foreach (var series in spec.Series.OrderBy(s => s.Faint ? 0 : 1))   // faint lines underneath
            DrawSeries(canvas, layout, series);
        DrawLegend(canvas, plot, spec.Series.Where(s => s.Legend is not null).ToList());
        return canvas;
    }

    static void DrawSeries(RgbCanvas canvas, ChartLayout layout, ChartSeries series)
    {
        var colour = series.Faint ? Palette.Colour(series.Colour).Lighter(0.6) : Palette.Colour(series.Colour);
        int thickness = series.Faint ? 1 : 2;
        var p = layout.Plot;
        (int X, int Y) ToPixel(ChartPoint q) =>
            (Math.Clamp(Pixel(layout.X.ToPixel(q.X)), p.Left, p.Right - 1), Math.Clamp(Pixel(layout.Y.ToPixel(q.Y)), p.Top, p.Bottom - 1));
        var points = series.Points.Where(q => double.IsFinite(q.X) && double.IsFinite(q.Y)).Select(ToPixel).ToList();
        if (points.Count == 1) canvas.DrawLine(points[0].X, points[0].Y, points[0].X, points[0].Y, colour, thickness + 2);
        for (int i = 1; i < points.Count; i++)
            canvas.DrawLine(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, colour, thickness);
    }

    /// <summary>A boxed legend in whichever inner corner of the plot the lines cover least.</summary>
    static void DrawLegend(RgbCanvas canvas, PixelRect plot, IReadOnlyList<ChartSeries> entries)
    {
        if (entries.Count == 0) return;
        int w = 8 + 24 + 6 + entries.Max(e => RgbCanvas.TextWidth(e.Legend!)) + 8, h = 6 + entries.Count * (Line + 2) + 4;
        var corners = new[]
        {
            (X: plot.Left + 8, Y: plot.Top + 8), (X: plot.Right - w - 8, Y: plot.Top + 8),
            (X: plot.Left + 8, Y: plot.Bottom - h - 8), (X: plot.Right - w - 8, Y: plot.Bottom - h - 8),
        };
        var (x, y) = corners.MinBy(c => Covered(canvas, c.X, c.Y, w, h));
        canvas.FillRect(x, y, w, h, Rgb.White);
        canvas.DrawRect(x, y, w, h, Rgb.Grey);
        for (int i = 0; i < entries.Count; i++)
        {
            int rowY = y + 6 + i * (Line + 2);
            var colour = entries[i].Faint ? Palette.Colour(entries[i].Colour).Lighter(0.6) : Palette.Colour(entries[i].Colour);
            canvas.DrawLine(x + 8, rowY + 3, x + 8 + 24, rowY + 3, colour, entries[i].Faint ? 1 : 2);
            canvas.DrawText(x + 8 + 24 + 6, rowY, entries[i].Legend!, Rgb.Black);
        }
    }

    /// <summary>How many pixels in the rectangle are drawn in a colour (neither white nor grid grey).</summary>
    static int Covered(RgbCanvas canvas, int x, int y, int w, int h)
    {
        int n = 0;
        for (int yy = Math.Max(0, y); yy < Math.Min(canvas.Height, y + h); yy++)
            for (int xx = Math.Max(0, x); xx < Math.Min(canvas.Width, x + w); xx++)
                if (canvas[xx, yy] is var c && c != Rgb.White && c != Rgb.LightGrey) n++;
        return n;
    }

    static int Pixel(double v) => (int)Math.Round(v);
}
