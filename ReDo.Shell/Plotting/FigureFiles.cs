using ReDo.Shell.Files;
using ScottPlot;

namespace ReDo.Shell.Plotting;

/// <summary>
/// The one place figures are written: every figure as PNG and SVG, same size, same look. ScottPlot renders
/// them in memory and <see cref="IRunFiles"/> writes them, so figures get the retry layer like every other file.
/// </summary>
public static class FigureFiles
{
    public const int Width = 900, Height = 540;

    /// <summary>Writes &lt;pathWithoutExtension&gt;.png and .svg; returns the file name without extension.</summary>
    public static string Save(IRunFiles files, Plot plot, string pathWithoutExtension)
    {
        files.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension))!);
        // The bytes ScottPlot's SavePng / SaveSvg would write (SaveSvg: File.WriteAllText, UTF-8 without BOM).
        files.WriteDurable(pathWithoutExtension + ".png", plot.GetImageBytes(Width, Height, ImageFormat.Png));
        files.WriteText(pathWithoutExtension + ".svg", plot.GetSvgXml(Width, Height));
        return Path.GetFileName(pathWithoutExtension);
    }

    /// <summary>Series colours: the Category10 palette in order, so a series keeps its colour across figures.</summary>
    public static Color SeriesColor(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
