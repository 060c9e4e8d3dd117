using ReDo.Pure.Collections;

namespace ReDo.Pure.Networks;

/// <summary>
/// The networks of the paper and of MinAtar, named as in the reference code (Conv_0 … Dense_0,
/// final_layer) so that logged metrics read the same.
/// </summary>
public static class NetworkCatalog
{
    /// <summary>
    /// The one profile-to-spec table. <paramref name="inputs"/>: MinAtar's planes for the MinAtar
    /// profiles, the input size for the MLP (the Nature profiles take 84×84×4 frames).
    /// <paramref name="widthMultiplier"/> scales every hidden layer, rounded up (paper Fig. 12).
    /// </summary>
    public static NetworkSpec For(NetworkProfile profile, int inputs, int actions, double widthMultiplier = 1.0)
    {
        var (width, hidden) = MinAtarWidths(widthMultiplier);
        return profile switch
        {
            NetworkProfile.MinAtar => MinAtarDqn(inputs, actions, width, hidden),
            NetworkProfile.MinAtarDueling => MinAtarDueling(inputs, actions, width, hidden),
            NetworkProfile.MinAtarDeep => MinAtarDeep(inputs, actions, widthMultiplier),
            NetworkProfile.Nature => NatureCnn(actions, widthMultiplier),
            NetworkProfile.NatureDueling => NatureCnnDueling(actions, widthMultiplier),
            NetworkProfile.Mlp => Mlp(inputs, [Widened(64, widthMultiplier), Widened(64, widthMultiplier)], actions),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "not a catalog network"),
        };
    }

    /// <summary>
    /// MinAtar DQN (Young &amp; Tian 2019): Conv 16 3×3 stride 1 VALID on 10×10 → 128 → |A|, starting
    /// as PyTorch does by default (the MinAtar code) unless a profile says otherwise.
    /// </summary>
    public static NetworkSpec MinAtarDqn(int inChannels, int actions, int width = 16, int hidden = 128, Initializer init = Initializer.TorchDefault)
    {
        return new NetworkSpec("minatar-dqn", InputSpec.Image(inChannels, 10, 10), ValueList.Of([
            .. MinAtarTorso(inChannels, width, hidden),
            LayerSpec.Linear("final_layer", hidden, actions, Activation.Identity, LayerRole.Output, "Dense_0")])).WithInitializer(init);
    }

    /// <summary>
    /// DrQ(ε)'s dueling network on the MinAtar torso (docs/drq.md; docs/specs/redo-algorithm.md §8.2 with MinAtar's torso):
    /// Conv 16 3×3 → Dense 128 → Advantage (|A|) and Value (1), Q = V + (A − mean A). Xavier-uniform
    /// kernels and zero biases, as the reference's FullRainbowNetwork.
    /// </summary>
    public static NetworkSpec MinAtarDueling(int inChannels, int actions, int width = 16, int hidden = 128)
    {
        return new NetworkSpec("minatar-dueling", InputSpec.Image(inChannels, 10, 10), ValueList.Of([
            .. MinAtarTorso(inChannels, width, hidden),
            LayerSpec.Linear("Advantage", hidden, actions, Activation.Identity, LayerRole.Output, "Dense_0"),
            LayerSpec.Linear("Value", hidden, 1, Activation.Identity, LayerRole.Output, "Dense_0")]), OutputHead.Dueling)
            .WithInitializer(Initializer.XavierUniform);
    }

    /// <summary>
    /// A deeper net on MinAtar's 10×10 planes, shaped like the Nature CNN (three convolutions, then 512):
    /// Conv 32 → Conv 64 → Conv 64, each 3×3 stride 1 VALID (10 → 8 → 6 → 4), 4×4×64 = 1024 → 512 → |A|.
    /// The Nature CNN's 8×8/4 and 4×4/2 strides would shrink 10×10 planes to nothing, so every
    /// convolution here is MinAtar's 3×3/1. PyTorch default initialisation unless Agent:Init says otherwise.
    /// </summary>
    public static NetworkSpec MinAtarDeep(int inChannels, int actions, double widthMultiplier = 1.0)
    {
        int c0 = Widened(32, widthMultiplier), c1 = Widened(64, widthMultiplier), c2 = Widened(64, widthMultiplier), d0 = Widened(512, widthMultiplier);
        var flatten = new FlattenSpec(c2, 4, 4);
        return new NetworkSpec("minatar-deep", InputSpec.Image(inChannels, 10, 10), ValueList.Of([
            LayerSpec.Conv("Conv_0", inChannels, c0, 3, 1, Padding2d.Valid, NetworkSpec.InputName),
            LayerSpec.Conv("Conv_1", c0, c1, 3, 1, Padding2d.Valid, "Conv_0"),
            LayerSpec.Conv("Conv_2", c1, c2, 3, 1, Padding2d.Valid, "Conv_1"),
            LayerSpec.Linear("Dense_0", flatten.Features, d0, Activation.Relu, LayerRole.Hidden, "Conv_2", flatten),
            LayerSpec.Linear("final_layer", d0, actions, Activation.Identity, LayerRole.Output, "Dense_0")]));
    }

    /// <summary>
    /// Dopamine's Nature CNN as in the ReDo code: 84×84×4 uint8 input scaled by 1/255, SAME padding
    /// (Conv_1 is 1 before / 2 after), 11×11×64 = 7744 flatten → 512 → |A|; Xavier-uniform kernels, zero biases.
    /// </summary>
    public static NetworkSpec NatureCnn(int actions, double widthMultiplier = 1.0) =>
        NatureTorso("nature-cnn", actions, widthMultiplier, dueling: false);

    /// <summary>Nature torso with dueling heads (DrQ(ε) network, one atom): Q = V + A − mean A.</summary>
    public static NetworkSpec NatureCnnDueling(int actions, double widthMultiplier = 1.0) =>
        NatureTorso("nature-cnn-dueling", actions, widthMultiplier, dueling: true);

    /// <summary>A ReLU MLP: inputs → hidden… → outputs (PyTorch default initialisation).</summary>
    public static NetworkSpec Mlp(int inputs, IReadOnlyList<int> hidden, int outputs)
    {
        var layers = new List<LayerSpec>();
        string previous = NetworkSpec.InputName;
        int width = inputs;
        for (int i = 0; i < hidden.Count; i++)
        {
            layers.Add(LayerSpec.Linear($"Dense_{i}", width, hidden[i], Activation.Relu, LayerRole.Hidden, previous));
            previous = $"Dense_{i}";
            width = hidden[i];
        }
        layers.Add(LayerSpec.Linear("final_layer", width, outputs, Activation.Identity, LayerRole.Output, previous));
        return new NetworkSpec("mlp", InputSpec.Vector(inputs), layers.ToValueList());
    }

    /// <summary>MinAtar's torso: Conv 16 3×3 stride 1 VALID on 10×10 (→ 8×8) → Dense_0 with ReLU.</summary>
    static LayerSpec[] MinAtarTorso(int inChannels, int width, int hidden)
    {
        var flatten = new FlattenSpec(width, 8, 8);
        return [
            LayerSpec.Conv("Conv_0", inChannels, width, 3, 1, Padding2d.Valid, NetworkSpec.InputName),
            LayerSpec.Linear("Dense_0", flatten.Features, hidden, Activation.Relu, LayerRole.Hidden, "Conv_0", flatten)];
    }

    /// <summary>MinAtar's widths scaled by a width multiplier (paper Fig. 12 scales every hidden layer): Conv_0 channels and Dense_0 units.</summary>
    public static (int Channels, int Hidden) MinAtarWidths(double widthMultiplier) => (Widened(16, widthMultiplier), Widened(128, widthMultiplier));

    /// <summary>A layer of <paramref name="units"/> at width × <paramref name="widthMultiplier"/>, rounded up (at least 1).</summary>
    public static int Widened(int units, double widthMultiplier)
    {
        if (!(widthMultiplier > 0) || double.IsInfinity(widthMultiplier)) throw new ArgumentOutOfRangeException(nameof(widthMultiplier), widthMultiplier, "the width multiplier must be a positive number");
        return Math.Max(1, (int)Math.Ceiling(units * widthMultiplier));
    }

    static NetworkSpec NatureTorso(string name, int actions, double widthMultiplier, bool dueling)
    {
        int Scaled(int n) => Widened(n, widthMultiplier);
        int c0 = Scaled(32), c1 = Scaled(64), c2 = Scaled(64), d0 = Scaled(512);
        var layers = new List<LayerSpec>
        {
            LayerSpec.Conv("Conv_0", 4, c0, 8, 4, Padding2d.Same(84, 84, 8, 8, 4, 4), NetworkSpec.InputName),   // 84 → 21
            LayerSpec.Conv("Conv_1", c0, c1, 4, 2, Padding2d.Same(21, 21, 4, 4, 2, 2), "Conv_0"),               // 21 → 11
            LayerSpec.Conv("Conv_2", c1, c2, 3, 1, Padding2d.Same(11, 11, 3, 3, 1, 1), "Conv_1"),               // 11 → 11
        };
        var flatten = new FlattenSpec(c2, 11, 11);
        layers.Add(LayerSpec.Linear("Dense_0", flatten.Features, d0, Activation.Relu, LayerRole.Hidden, "Conv_2", flatten));
        if (dueling)
        {
            layers.Add(LayerSpec.Linear("Advantage", d0, actions, Activation.Identity, LayerRole.Output, "Dense_0"));
            layers.Add(LayerSpec.Linear("Value", d0, 1, Activation.Identity, LayerRole.Output, "Dense_0"));
        }
        else
            layers.Add(LayerSpec.Linear("final_layer", d0, actions, Activation.Identity, LayerRole.Output, "Dense_0"));
        return new NetworkSpec(name, InputSpec.Image(4, 84, 84, 1.0 / 255.0), layers.ToValueList(), dueling ? OutputHead.Dueling : OutputHead.Single)
            .WithInitializer(Initializer.XavierUniform);
    }
}
