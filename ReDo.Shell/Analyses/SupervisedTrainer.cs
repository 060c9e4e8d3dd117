using ReDo.Pure.Analyses;
using ReDo.Pure.Dormancy;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>
/// One supervised-control run (paper §3, Fig. 3) in its three phases per epoch, so that
/// <c>redo bench supervised</c> can time each: <see cref="Train"/> (the SGD pass), <see cref="Measure"/>
/// (dormancy on the fixed probe, then ReDo if on) and <see cref="TestAccuracy"/>. Plain SGD written out
/// (p ← p − lr·g with an owned Scalar): no TorchSharp optimizer, whose temporary Scalars can crash
/// libtorch (docs/torch-rules.md). Everything the epochs reuse (images, test set, probe, the SGD step) is a
/// tensor made once here.
/// </summary>
public sealed class SupervisedTrainer : IDisposable
{
    readonly SupervisedSettings _s;
    readonly LabelledImages _train;
    readonly LabelShuffle _shuffle;
    readonly int _seed;
    readonly Generator _generator;
    readonly SpecNetwork _net;
    readonly Tensor _images, _testImages, _testLabels, _probe;
    readonly Scalar _step;
    readonly List<TorchSharp.Modules.Parameter> _parameters;

    public string Condition { get; }

    public SupervisedTrainer(SupervisedSettings s, LabelledImages train, LabelledImages test, int seed, bool shuffled)
    {
        _s = s;
        _train = train.Take(s.Images);
        test = test.Take(s.TestImages);
        _seed = seed;
        Condition = (shuffled ? "shuffled" : "fixed") + (s.Redo ? "+redo" : "");
        _shuffle = shuffled ? new LabelShuffle(s.ShuffleEvery, (ulong)seed) : LabelShuffle.Fixed;
        var spec = SupervisedSettings.Network(_train.Channels, _train.Height, _train.Width);
        manual_seed(seed);
        _generator = new Generator((ulong)seed, CPU);
        _net = new SpecNetwork(spec);
        NetworkInit.Initialize(_net, _generator);
        _images = Images(_train);
        _testImages = Images(test);
        _testLabels = Labels(test.Labels);
        _probe = _images.narrow(0, 0, Math.Min(s.ProbeSize, _train.Count));
        _step = (-s.LearningRate).ToScalar();
        _parameters = [.. _net.Parameters()];
    }

    /// <summary>One epoch's SGD pass in the epoch's seeded order on the epoch's labels: mean loss and training accuracy.</summary>
    public (double Loss, double Accuracy) Train(int epoch)
    {
        using var target = Labels(_shuffle.LabelsAt(_train.Labels, epoch));
        var order = SeededPermutation.Of(_train.Count, (ulong)_seed * 1_000_003UL + (ulong)epoch + 1);
        using var orderTensor = tensor(Array.ConvertAll(order, i => (long)i), ScalarType.Int64);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < _train.Count; start += _s.BatchSize)
        {
            using var scope = NewDisposeScope();
            int n = Math.Min(_s.BatchSize, _train.Count - start);
            var idx = orderTensor.narrow(0, start, n);
            var x = _images.index_select(0, idx);
            var y = target.index_select(0, idx);
            foreach (var p in _parameters) p.grad?.zero_();
            var logits = _net.Forward(x);
            var loss = nn.functional.cross_entropy(logits, y);
            loss.backward();
            using (no_grad())
                foreach (var p in _parameters) p.add_(p.grad!, _step);
            lossSum += loss.item<float>() * n;
            using (no_grad())
                correct += logits.argmax(1).eq(y).sum().item<long>();
        }
        return (lossSum / _train.Count, (double)correct / _train.Count);
    }

    /// <summary>Accuracy on the test images, under no_grad, 1,000 at a time.</summary>
    public double TestAccuracy()
    {
        long count = _testLabels.shape[0];
        if (count == 0) return double.NaN;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        long correct = 0;
        for (long start = 0; start < count; start += 1000)
        {
            long n = Math.Min(1000, count - start);
            correct += _net.Forward(_testImages.narrow(0, start, n)).argmax(1).eq(_testLabels.narrow(0, start, n)).sum().item<long>();
        }
        return (double)correct / count;
    }

    /// <summary>Dormant fractions at τ = 0 and τ on the fixed probe (one forward), then, with ReDo, recycling from those same scores.</summary>
    public (double AtZero, double AtTau, int Recycled) Measure()
    {
        var statistics = ActivationProbe.Measure(_net, _probe);
        var atZero = DormancyReport.Assess(_net.Spec, statistics, 0);
        var atTau = DormancyReport.Assess(_net.Spec, statistics, _s.Tau);
        int recycled = _s.Redo ? DormantNeuronRecycler.Recycle(_net, OptimizerMoments.None, statistics, _probe, new RecycleSettings(_s.Tau), _generator).Outcome.Total : 0;
        return (atZero.OverallFraction, atTau.OverallFraction, recycled);
    }

    /// <summary>Epoch <paramref name="epoch"/> (0-based) in full: train, measure (and recycle), then test the network that trains on.</summary>
    public SupervisedEpoch Epoch(int epoch)
    {
        var (loss, accuracy) = Train(epoch);
        var (atZero, atTau, recycled) = Measure();
        double test = TestAccuracy();
        return new SupervisedEpoch(Condition, _seed, epoch + 1, loss, accuracy, test, atZero, atTau, recycled);
    }

    static Tensor Images(LabelledImages d)
    {
        using var bytes = tensor(d.Pixels, ScalarType.Byte);
        return bytes.reshape(d.Count, d.Channels, d.Height, d.Width).to(ScalarType.Float32);
    }

    static Tensor Labels(byte[] labels) => tensor(Array.ConvertAll(labels, b => (long)b), ScalarType.Int64);

    public void Dispose()
    {
        _step.Dispose();
        _probe.Dispose();
        _testLabels.Dispose();
        _testImages.Dispose();
        _images.Dispose();
        _net.Dispose();
        _generator.Dispose();
    }
}
