using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo supervised [--dataset fashion-mnist|cifar10] [--data-dir DIR] [--images 10000] [--epochs 100]
/// [--seeds 3] [--seed 0] [--shuffle-every 20] [--batch 128] [--lr 0.05] [--tau 0.1] [--probe 256] [--test-images 2000] [--redo] [--out folder]</c>:
/// the paper's supervised non-stationarity control (Fig. 3).
/// </summary>
public sealed class SupervisedCommand : ICommand
{
    public string Name => "supervised";
    public string Summary => "supervised control, fixed vs shuffled labels (paper Fig. 3): [--dataset fashion-mnist|cifar10] [--epochs 100] [--seeds 3] [--redo] [--out folder]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv, "redo");
        var dataset = a.Choice("dataset", "fashion-mnist", "fashion-mnist", "cifar10");
        var dir = a.String("data-dir");
        var d = new SupervisedSettings();
        var s = new SupervisedSettings(
            Images: a.Int("images", d.Images, 1), Epochs: a.Int("epochs", d.Epochs, 1), ShuffleEvery: a.Int("shuffle-every", d.ShuffleEvery, 1),
            BatchSize: a.Int("batch", d.BatchSize, 1), LearningRate: a.Double("lr", d.LearningRate, 1e-9, 10), ProbeSize: a.Int("probe", d.ProbeSize, 1),
            Tau: a.Double("tau", d.Tau, 0, 10), Redo: a.Flag("redo"), TestImages: a.Int("test-images", d.TestImages, 1));
        int seeds = a.Int("seeds", 3, 1, 100), firstSeed = a.Int("seed", 0, 0);
        var output = a.String("out", Path.Combine("runs", $"supervised-{dataset}{(s.Redo ? "-redo" : "")}"));
        a.RejectUnknown();
        var (train, test) = SupervisedData.Load(dataset, dir);
        Console.WriteLine($"supervised control on {dataset}: {Math.Min(s.Images, train.Count):N0} training images, {s.Epochs} epochs, seeds {firstSeed}…{firstSeed + seeds - 1}, " +
                          $"labels fixed vs shuffled every {s.ShuffleEvery} epochs, SGD lr {s.LearningRate}, batch {s.BatchSize}, ReDo {(s.Redo ? $"on (τ = {s.Tau}, every epoch)" : "off")} → {output}");
        var csv = SupervisedControl.RunAll(s, train, test, Enumerable.Range(firstSeed, seeds).ToList(), output, Console.Out);
        Console.WriteLine($"wrote {csv}, {Path.Combine(output, "dormant.png")} and {Path.Combine(output, "accuracy.png")}");
        return 0;
    }
}
