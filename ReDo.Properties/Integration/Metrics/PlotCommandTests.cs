using ReDo.Pure;
using ReDo.Pure.Metrics;
using ReDo.Pure.Metrics.Plotting;
using ReDo.Shell.Cli;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using ReDo.Shell.Plotting;
using System.Xml.Linq;
using Xunit;
using ReDo.Properties.Generators;

namespace ReDo.Properties.Integration.Metrics;

/// <summary>Plots from run folders written by the CSV writer; bad folders and files give RunFolderException/DataFileException naming the file and line.</summary>
public sealed class PlotCommandTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("redo-plot-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A run folder with a synthetic metrics.csv written by <see cref="CsvMetricsWriter"/>.</summary>
    public static string WriteRun(string root, string name, int rows, int seed, double returnScale = 40)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        var writer = new CsvMetricsWriter(folder, SyntheticRun.Layers, TestDisk.Files);
        foreach (var row in SyntheticRun.Rows(rows, seed, returnScale)) writer.Write(row);
        return folder;
    }

    static (int Width, int Height, byte[] Rgb) Png(string path) => PngDecoder.Decode(File.ReadAllBytes(path));

    [Fact]
    public void RunPlots_writes_return_and_dormant_as_png_and_svg_into_the_run_folder()
    {
        var run = WriteRun(_root, "breakout-redo", 120, seed: 3);
        var written = RunPlots.Write(TestDisk.Files, run);
        Assert.Equal([Path.Combine(run, RunLayout.ReturnPlot), Path.Combine(run, RunLayout.DormantPlot)], written);
        foreach (var path in written)
        {
            var (w, h, rgb) = Png(path);
            Assert.Equal((900, 540), (w, h));
            Assert.Contains(rgb.Chunk(3), p => p[0] == 31 && p[1] == 119 && p[2] == 180);   // the first series' colour is drawn
            var svg = XDocument.Load(Path.ChangeExtension(path, ".svg"));                   // well-formed XML
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }
        // SkiaSharp's SVG draws text as outlines, so the labels are checked on the plot the files were drawn from.
        var dormant = ChartFigures.Plot(RunCharts.Dormant("breakout-redo", MetricsFile.Load(TestDisk.Files, run)));
        Assert.Equal(new[] { "all layers, τ = 0", "all layers, τ" }.Concat(SyntheticRun.Layers.Select(l => $"{l}, τ")),
            dormant.Legend.GetItems().Select(i => i.LabelText));
        Assert.Equal(("frames", "dormant %"), (dormant.Axes.Bottom.Label.Text, dormant.Axes.Left.Label.Text));
        Assert.Contains("\"#2CA02C\"", File.ReadAllText(Path.Combine(run, "dormant.svg")));   // the first layer's line
    }

    [Fact]
    public void Plot_command_overlays_several_runs_in_one_png()
    {
        var a = WriteRun(_root, "redo", 80, seed: 1, returnScale: 50);
        var b = WriteRun(_root, "no-redo", 80, seed: 2, returnScale: 25);
        var output = Path.Combine(_root, "dormant-overlay.png");
        Assert.Equal(0, CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", a, b, "--metric", "dormant", "--out", output).Exit);
        var (_, _, rgb) = Png(output);
        Assert.Contains(rgb.Chunk(3), p => p[0] == 255 && p[1] == 127 && p[2] == 14);   // the second run's colour
        Assert.Contains("stroke=\"#FF7F0E\"", File.ReadAllText(Path.ChangeExtension(output, ".svg")));
    }

    [Fact]
    public void Plot_command_with_one_folder_writes_the_run_plots()
    {
        var run = WriteRun(_root, "single", 10, seed: 4);
        Assert.Equal(0, CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", run).Exit);
        Assert.True(File.Exists(Path.Combine(run, RunLayout.ReturnPlot)) && File.Exists(Path.Combine(run, RunLayout.DormantPlot)));
    }

    [Fact]
    public void A_run_with_only_a_header_still_plots()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        File.WriteAllText(Path.Combine(folder, RunLayout.Metrics), MetricsCsv.Header(["Dense_0"]));
        Assert.Equal(2, RunPlots.Write(TestDisk.Files, folder).Count);
    }

    [Fact]
    public void Bad_input_is_a_cli_error_naming_the_file_and_line()
    {
        var missing = Path.Combine(_root, "nope");
        Assert.Contains("does not exist", Assert.Throws<RunFolderException>(() => new PlotCommand(TestDisk.Files).Run(new([missing], null, null))).Message);

        var bare = Directory.CreateDirectory(Path.Combine(_root, "bare")).FullName;
        Assert.Contains("has no metrics.csv", Assert.Throws<RunFolderException>(() => new PlotCommand(TestDisk.Files).Run(new([bare], null, null))).Message);

        var broken = WriteRun(_root, "broken", 5, seed: 5);
        File.AppendAllText(Path.Combine(broken, RunLayout.Metrics), "60000,1,2,oops,,,,,,,,0,0,,\n");
        var e = Assert.Throws<DataFileException>(() => new PlotCommand(TestDisk.Files).Run(new([broken], null, null)));
        Assert.Contains(Path.Combine(broken, RunLayout.Metrics), e.Message);
        Assert.Contains("line 7, column 4: mean_return 'oops' is not a number", e.Message);

        Assert.Contains("at least one run folder", Assert.Throws<CliError>(() => new PlotCommand(TestDisk.Files).Run(new([], null, null))).Message);
        // What the parser refuses: exit code 2 and the option named.
        var (exit, output, error) = CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", broken, "--metric", "speed");
        Assert.Equal(2, exit);
        Assert.Contains("speed", output + error);
        (exit, output, error) = CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot", broken, "--colour", "red");
        Assert.Equal(2, exit);
        Assert.Contains("--colour", output + error);
        Assert.Equal(2, CliRun.Invoke(new PlotCommand(TestDisk.Files), "plot").Exit);
    }
}
