using ScottPlot;

namespace ReDo.Shell.Plotting;

/// <summary>The one place figures are written: every figure as PNG and SVG, same size, same look.</summary>
public static class FigureFiles
{
    public const int Width = 900, Height = 540;

    /// <summary>Writes &lt;pathWithoutExtension&gt;.png and .svg; returns the file name without extension.</summary>
    public static string Save(Plot plot, string pathWithoutExtension)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pathWithoutExtension))!);
        plot.SavePng(pathWithoutExtension + ".png", Width, Height);
        plot.SaveSvg(pathWithoutExtension + ".svg", Width, Height);
        return Path.GetFileName(pathWithoutExtension);
    }

    /// <summary>Series colours: the Category10 palette in order, so a series keeps its colour across figures.</summary>
    public static Color SeriesColor(int i) => new ScottPlot.Palettes.Category10().GetColor(i);
}
