using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Analyses;

/// <summary>
/// The supervised control (paper §3, Fig. 3; Table 5 second-hand): a 3-conv + dense ReLU CNN trained
/// with plain SGD on cross-entropy, 10,000 images, 100 epochs, labels fixed or shuffled every 20
/// epochs. The paper gives neither widths, batch size nor learning rate; ours are below (docs/analyses.md).
/// Test accuracy is measured on the first <see cref="TestImages"/> test images (a full 10,000-image
/// pass every epoch would cost as much as the training itself).
/// </summary>
public sealed record SupervisedSettings(
    int Images = 10_000, int Epochs = 100, int ShuffleEvery = 20, int BatchSize = 128, double LearningRate = 0.05,
    int ProbeSize = 256, double Tau = 0.1, bool Redo = false, int TestImages = 2_000)
{
    /// <summary>Conv 32 3×3 s2 → Conv 64 3×3 s2 → Conv 64 3×3 s1 (all SAME, ReLU) → Dense 128 (ReLU) → classes.</summary>
    public static NetworkSpec Network(int channels, int height, int width, int classes = 10)
    {
        var c0 = Padding2d.Same(height, width, 3, 3, 2, 2);
        int h1 = (height + 1) / 2, w1 = (width + 1) / 2;
        var c1 = Padding2d.Same(h1, w1, 3, 3, 2, 2);
        int h2 = (h1 + 1) / 2, w2 = (w1 + 1) / 2;
        var c2 = Padding2d.Same(h2, w2, 3, 3, 1, 1);
        var flatten = new FlattenSpec(64, h2, w2);
        return new NetworkSpec("supervised-cnn", InputSpec.Image(channels, height, width, 1.0 / 255.0), ValueList.Of(
            LayerSpec.Conv("Conv_0", channels, 32, 3, 2, c0, NetworkSpec.InputName),
            LayerSpec.Conv("Conv_1", 32, 64, 3, 2, c1, "Conv_0"),
            LayerSpec.Conv("Conv_2", 64, 64, 3, 1, c2, "Conv_1"),
            LayerSpec.Linear("Dense_0", flatten.Features, 128, Activation.Relu, LayerRole.Hidden, "Conv_2", flatten),
            LayerSpec.Linear("final_layer", 128, classes, Activation.Identity, LayerRole.Output, "Dense_0")));
    }
}

/// <summary>One epoch of one supervised run.</summary>
public sealed record SupervisedEpoch(string Condition, int Seed, int Epoch, double Loss, double TrainAccuracy, double TestAccuracy,
    double DormantAtZero, double DormantAtTau, int Recycled);
