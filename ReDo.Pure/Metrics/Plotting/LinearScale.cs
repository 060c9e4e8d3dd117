namespace ReDo.Pure.Metrics.Plotting;

/// <summary>Maps a data interval onto a pixel interval (pixel ends may be reversed: y grows downwards).</summary>
public sealed record LinearScale(double DataMin, double DataMax, double PixelMin, double PixelMax)
{
    public double ToPixel(double x) =>
        DataMax == DataMin ? (PixelMin + PixelMax) / 2 : PixelMin + (x - DataMin) / (DataMax - DataMin) * (PixelMax - PixelMin);
}
