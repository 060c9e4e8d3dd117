namespace ReDo.Pure.Networks;

public enum LayerKind { Linear, Conv2d }

/// <summary>
/// What follows a layer's weighted sum; a neuron's score is E|h| of its output h (paper Eq. 1). New
/// members go last: specs, configs and checkpoints write these by position.
/// </summary>
public enum Activation { Identity, Relu, LeakyRelu, Gelu, Silu, Elu, Tanh }

/// <summary>Hidden layers are scored and recyclable; outputs (both dueling heads) are neither.</summary>
public enum LayerRole { Hidden, Output }

/// <summary>
/// The (C, H, W) map a Linear layer's input is flattened from. Feature (c, h, w) is input column
/// c·H·W + h·W + w, as TorchSharp's NCHW flatten lays it out.
/// </summary>
public sealed record FlattenSpec(int Channels, int Height, int Width)
{
    public int Features => Channels * Height * Width;
    public int SpatialSize => Height * Width;
}

/// <summary>
/// One weighted layer (a Linear or Conv2d, with a bias unless <see cref="HasBias"/> is false) followed by its activation. Its neurons are the
/// output units (conv: output channels). <see cref="Input"/> names the producing layer, or
/// <see cref="NetworkSpec.InputName"/> for the network input. <see cref="Init"/> is how its kernel
/// and bias start, and what recycling redraws them from.
/// </summary>
public sealed record LayerSpec(
    string Name,
    LayerKind Kind,
    int InputUnits,
    int Neurons,
    Activation Activation,
    LayerRole Role,
    string Input,
    int KernelH = 1,
    int KernelW = 1,
    int StrideH = 1,
    int StrideW = 1,
    Padding2d Padding = default,
    FlattenSpec? Flatten = null,
    Initializer Init = Initializer.TorchDefault,
    bool HasBias = true)
{
    /// <summary>Elements of the weight per output neuron (incoming slice size): in·kh·kw.</summary>
    public int FanIn => InputUnits * KernelH * KernelW;

    /// <summary>Glorot fan-out of the whole kernel: out·kh·kw.</summary>
    public int FanOut => Neurons * KernelH * KernelW;

    /// <summary>Shape of the weight tensor: (out, in) or (out, in, kh, kw).</summary>
    public int[] WeightShape => Kind == LayerKind.Linear ? [Neurons, InputUnits] : [Neurons, InputUnits, KernelH, KernelW];

    public int WeightCount => Neurons * FanIn;

    /// <summary>Elements per input unit in one output row (conv: kh·kw; linear: 1).</summary>
    public int KernelArea => KernelH * KernelW;

    public static LayerSpec Linear(string name, int inFeatures, int outFeatures, Activation activation, LayerRole role, string input, FlattenSpec? flatten = null) =>
        new(name, LayerKind.Linear, inFeatures, outFeatures, activation, role, input, Flatten: flatten);

    public static LayerSpec Conv(string name, int inChannels, int outChannels, int kernel, int stride, Padding2d padding, string input, Activation activation = Activation.Relu) =>
        new(name, LayerKind.Conv2d, inChannels, outChannels, activation, LayerRole.Hidden, input, kernel, kernel, stride, stride, padding);
}
