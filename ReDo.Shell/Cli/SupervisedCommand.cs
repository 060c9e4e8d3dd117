using System.CommandLine;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;
using ReDo.Shell.Files;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo supervised</c>: the paper's supervised non-stationarity control (Fig. 3), fixed vs shuffled
/// labels over seeds; settings and their defaults in <see cref="SupervisedSettings"/> (docs/analyses.md).
/// </summary>
public sealed class SupervisedCommand(IRunFiles files) : ICliCommand
{
    public sealed record Parameters(string Dataset, string? DataDir, SupervisedSettings Settings, int Seeds, int FirstSeed, string? Out, bool Replot = false);

    public Command Definition()
    {
        var d = new SupervisedSettings();
        var dataset = SupervisedOptions.Dataset();
        var dataDir = SupervisedOptions.DataDir();
        var images = SupervisedOptions.Images();
        var epochs = CliOptions.Int("--epochs", "epochs", d.Epochs, 1);
        var shuffleEvery = CliOptions.Int("--shuffle-every", "shuffle the labels every N epochs (shuffled condition)", d.ShuffleEvery, 1);
        var batch = SupervisedOptions.Batch();
        var lr = CliOptions.Double("--lr", "SGD learning rate", d.LearningRate, 1e-9, 10);
        var probe = CliOptions.Int("--probe", "images scored for dormancy", d.ProbeSize, 1);
        var tau = CliOptions.Double("--tau", "τ: a neuron is dormant when its score is ≤ τ", d.Tau, 0, 10);
        var redo = CliOptions.Flag("--redo", "recycle dormant neurons every epoch");
        var testImages = SupervisedOptions.TestImages();
        var seeds = CliOptions.Int("--seeds", "number of seeds", 3, 1, 100);
        var seed = CliOptions.Int("--seed", "first seed", 0, 0);
        var output = CliOptions.Text("--out", "output folder (default runs/supervised-<dataset>[-redo])");
        var replot = CliOptions.Flag("--replot", "no training: redraw dormant.png and accuracy.png from the output folder's supervised.csv (e.g. of a stopped run)");
        var command = new Command("supervised", "supervised control, fixed vs shuffled labels (paper Fig. 3): writes supervised.csv, dormant.png, accuracy.png")
        { dataset, dataDir, images, epochs, shuffleEvery, batch, lr, probe, tau, redo, testImages, seeds, seed, output, replot };
        command.SetAction(r => Run(new Parameters(r.GetValue(dataset)!, r.GetValue(dataDir),
            new SupervisedSettings(Images: r.GetValue(images), Epochs: r.GetValue(epochs), ShuffleEvery: r.GetValue(shuffleEvery), BatchSize: r.GetValue(batch),
                LearningRate: r.GetValue(lr), ProbeSize: r.GetValue(probe), Tau: r.GetValue(tau), Redo: r.GetValue(redo), TestImages: r.GetValue(testImages)),
            r.GetValue(seeds), r.GetValue(seed), r.GetValue(output), r.GetValue(replot))));
        return command;
    }

    public int Run(Parameters p)
    {
        var (dataset, dir, s, seeds, firstSeed, _, _) = p;
        var output = p.Out ?? Path.Combine("runs", $"supervised-{dataset}{(s.Redo ? "-redo" : "")}");
        if (p.Replot)
        {
            var path = Path.Combine(output, "supervised.csv");
            if (!files.Exists(path)) throw new CliError($"--replot: {path} does not exist; run `redo supervised` with this --out first.");
            SupervisedControl.Plot(files, SupervisedControl.ParseCsv(files.ReadAllText(path), path), s.Tau, output);
            Console.WriteLine($"wrote {Path.Combine(output, "dormant.png")} and {Path.Combine(output, "accuracy.png")} from {path}");
            return 0;
        }
        var (train, test) = SupervisedData.Load(dataset, dir);
        TorchSharp.torch.set_num_threads(1);   // one core, as training runs (Run:Threads = 1): the machine is shared
        Console.WriteLine($"supervised control on {dataset}: {Math.Min(s.Images, train.Count):N0} training images, {s.Epochs} epochs, seeds {firstSeed}…{firstSeed + seeds - 1}, " +
                          $"labels fixed vs shuffled every {s.ShuffleEvery} epochs, SGD lr {s.LearningRate}, batch {s.BatchSize}, ReDo {(s.Redo ? $"on (τ = {s.Tau}, every epoch)" : "off")} → {output}");
        var csv = SupervisedControl.RunAll(files, s, train, test, Enumerable.Range(firstSeed, seeds).ToList(), output, Console.Out);
        Console.WriteLine($"wrote {csv}, {Path.Combine(output, "dormant.png")} and {Path.Combine(output, "accuracy.png")}");
        return 0;
    }
}
