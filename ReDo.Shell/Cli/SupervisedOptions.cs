using System.CommandLine;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;

namespace ReDo.Shell.Cli;

/// <summary>
/// The options <c>redo supervised</c> and <c>redo bench supervised</c> both take, declared once so the
/// two read the same data with the same names, ranges and defaults (<see cref="SupervisedSettings"/>).
/// </summary>
public static class SupervisedOptions
{
    static readonly SupervisedSettings Defaults = new();

    public static Option<string> Dataset() => CliOptions.Choice("--dataset", "the image data set", "fashion-mnist", "fashion-mnist", "cifar10");

    public static Option<string?> DataDir() =>
        CliOptions.Text("--data-dir", $"folder of the data files (default for fashion-mnist: {SupervisedData.FashionMnistFolder}, where Debian's dataset-fashion-mnist installs them; cifar10 needs it)");

    public static Option<int> Images() => CliOptions.Int("--images", "training images", Defaults.Images, 1);

    public static Option<int> Batch() => CliOptions.Int("--batch", "SGD batch size", Defaults.BatchSize, 1);

    public static Option<int> TestImages() => CliOptions.Int("--test-images", "test images for the accuracy", Defaults.TestImages, 1);
}
