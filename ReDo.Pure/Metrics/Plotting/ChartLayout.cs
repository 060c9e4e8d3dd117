using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics.Plotting;

/// <summary>Pixel rectangle; Right and Bottom are exclusive.</summary>
public readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
}

public readonly record struct Tick(double Value, string Label);

/// <summary>
/// Where everything of a chart goes on a canvas of the given size: plot area, axis scales, ticks
/// with labels. Text is measured in character cells of the renderer's fixed-width font.
/// </summary>
public sealed record ChartLayout(PixelRect Plot, LinearScale X, LinearScale Y, ValueList<Tick> XTicks, ValueList<Tick> YTicks)
{
    public static ChartLayout Of(ChartSpec spec, int width, int height, int charWidth, int charHeight)
    {
        var points = spec.Series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var x = AxisTicks.For(points.Count == 0 ? 0 : points.Min(p => p.X), points.Count == 0 ? 1 : points.Max(p => p.X), 8);   // x is wider than tall
        double yLo = spec.YMin ?? (points.Count == 0 ? 0 : points.Min(p => p.Y));
        double yHi = spec.YMax ?? (points.Count == 0 ? 1 : points.Max(p => p.Y));
        var y = AxisTicks.For(yLo, yHi, 6);
        var yTicks = y.Values.Select(v => new Tick(v, TickLabel.Format(v, y.Step))).ToValueList();
        var xTicks = x.Values.Select(v => new Tick(v, TickLabel.Format(v, x.Step))).ToValueList();

        // Left: y-axis title (rotated text is not supported, so it sits above the axis) and tick labels.
        int left = charWidth * (yTicks.Max(t => t.Label.Length) + 2);
        int top = charHeight * 5;                     // title (double size) and y-axis title
        int right = width - charWidth * (xTicks[^1].Label.Length / 2 + 2);
        int bottom = height - charHeight * 4;         // tick labels and x-axis title
        if (right - left < 20 || bottom - top < 20)
            throw new ArgumentException($"a {width}×{height} canvas is too small for this chart");
        var plot = new PixelRect(left, top, right, bottom);
        return new ChartLayout(plot,
            new LinearScale(x.Min, x.Max, plot.Left, plot.Right - 1),
            new LinearScale(y.Min, y.Max, plot.Bottom - 1, plot.Top),
            xTicks, yTicks);
    }
}
