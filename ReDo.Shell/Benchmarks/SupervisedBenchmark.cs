using System.CommandLine;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;
using ReDo.Recycling.Networks;
using TorchSharp;
using ReDo.Shell.Cli;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench supervised</c>: the thread CPU time of one epoch of <c>redo supervised</c> (paper Fig. 3
/// at the issue's size by default: 10,000 images, batch 128, 2,000 test images, probe 256) beside its
/// floor, the same number of SGD steps (forward, cross-entropy, backward, p ← p − lr·g) on contiguous
/// slices of the image tensor with nothing else; the ratio is the loop's overhead. Thread CPU time,
/// not wall-clock: the machine is shared (docs/analyses.md). One libtorch thread, as the command. The
/// phases are timed in the second epoch: the first pays libtorch's per-shape kernel set-up.
/// </summary>
public sealed class SupervisedBenchmark : IBenchmark
{
    public Command Definition()
    {
        var dataset = SupervisedOptions.Dataset();
        var dataDir = SupervisedOptions.DataDir();
        var images = SupervisedOptions.Images();
        var batch = SupervisedOptions.Batch();
        var testImages = SupervisedOptions.TestImages();
        var redo = CliOptions.Flag("--redo", "recycle after the epoch's measurement, as --redo does");
        var command = new Command("supervised", "thread CPU time of one supervised-control epoch, by phase, against plain SGD steps")
            { dataset, dataDir, images, batch, testImages, redo };
        command.SetAction(r => Run(r.GetValue(dataset)!, r.GetValue(dataDir),
            new SupervisedSettings(Images: r.GetValue(images), Epochs: 1, BatchSize: r.GetValue(batch), TestImages: r.GetValue(testImages), Redo: r.GetValue(redo))));
        return command;
    }

    public static int Run(string dataset, string? dataDir, SupervisedSettings s, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
        var (train, test) = SupervisedData.Load(dataset, dataDir);
        train = train.Take(s.Images);
        set_num_threads(1);
        o.WriteLine($"{dataset}: {train.Count:N0} images {train.Channels}×{train.Height}×{train.Width}, batch {s.BatchSize}, {s.TestImages:N0} test images, probe {s.ProbeSize}, ReDo {(s.Redo ? "on" : "off")}, 1 torch thread; thread CPU ms");
        Floor(train, s with { Images = Math.Min(s.Images, 4 * s.BatchSize) });   // warm-up: JIT, allocator
        double floor = Floor(train, s);
        double Time(Action a) { double t0 = ThreadClock.Milliseconds(); a(); return ThreadClock.Milliseconds() - t0; }
        SupervisedTrainer? trainer = null;
        double setup = Time(() => trainer = new SupervisedTrainer(s, train, test, seed: 0, shuffled: true));
        using (trainer)
        {
            double first = Time(() => trainer!.Epoch(0));   // libtorch/oneDNN set up kernels per input shape on first use
            double processBefore = ProcessMs();
            double sgd = Time(() => trainer!.Train(1));
            double measure = Time(() => trainer!.Measure());
            double accuracy = Time(() => trainer!.TestAccuracy());
            double epoch = sgd + measure + accuracy, process = ProcessMs() - processBefore;
            o.WriteLine($"{"setup (once per run)",-34} {setup,10:N0}");
            o.WriteLine($"{"first epoch (kernel set-up)",-34} {first,10:N0}");
            o.WriteLine($"second epoch, by phase:");
            o.WriteLine($"{"train pass",-34} {sgd,10:N0}");
            o.WriteLine($"{"dormancy" + (s.Redo ? " + recycle" : ""),-34} {measure,10:N0}");
            o.WriteLine($"{"test accuracy",-34} {accuracy,10:N0}");
            o.WriteLine($"{"one epoch (the second)",-34} {epoch,10:N0}");
            o.WriteLine($"{"floor: SGD steps alone",-34} {floor,10:N0}");
            o.WriteLine($"{"(process CPU over the epoch)",-34} {process,10:N0}   (all threads: libtorch, GC, JIT)");
            o.WriteLine($"epoch / floor {epoch / floor:0.00}×;  600 epochs (3 seeds × fixed/shuffled × 100) ≈ {(epoch * 594 + (first + setup) * 6) / 3.6e6:0.00} core-hours");
        }
        return 0;
    }

    static double ProcessMs()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    /// <summary>The SGD steps of one epoch and nothing else: contiguous batches, fixed labels, no statistics.</summary>
    static double Floor(LabelledImages train, SupervisedSettings s)
    {
        using var generator = new Generator(0, CPU);
        using var net = new SpecNetwork(SupervisedSettings.Network(train.Channels, train.Height, train.Width));
        NetworkInit.Initialize(net, generator);
        using var images = tensor(train.Pixels, ScalarType.Byte).reshape(train.Count, train.Channels, train.Height, train.Width).to(ScalarType.Float32);
        using var labels = tensor(train.Labels.Select(b => (long)b).ToArray(), ScalarType.Int64);
        using var step = (-s.LearningRate).ToScalar();
        var parameters = net.Parameters().ToList();
        double start = ThreadClock.Milliseconds();
        for (long b = 0; b < train.Count; b += s.BatchSize)
        {
            using var scope = NewDisposeScope();
            long n = Math.Min(s.BatchSize, train.Count - b);
            foreach (var p in parameters) p.grad?.zero_();
            nn.functional.cross_entropy(net.Forward(images.narrow(0, b, n)), labels.narrow(0, b, n)).backward();
            using (no_grad())
                foreach (var p in parameters) p.add_(p.grad!, step);
        }
        return ThreadClock.Milliseconds() - start;
    }
}
