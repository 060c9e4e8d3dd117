namespace ReDo.Pure.Networks;

/// <summary>
/// How a layer's kernel and bias start. Recycling redraws from the same record (paper, Algorithm 1:
/// "reinitialize incoming weights from the original weight distribution"), so building a network and
/// recycling it cannot disagree (docs/configuration.md, "Initialisation and redraws").
/// </summary>
public enum Initializer
{
    /// <summary>TorchSharp/PyTorch Linear and Conv2d default: kernel and bias U(±1/√fan_in) (the MinAtar DQN's code).</summary>
    TorchDefault,
    /// <summary>Dopamine/Flax: Xavier-uniform kernel U(±√(6/(fan_in+fan_out))), zero bias (the ReDo reference).</summary>
    XavierUniform,
}

/// <summary>Which distribution ReDo's incoming weights and Reset's layers are redrawn from.</summary>
[System.ComponentModel.TypeConverter(typeof(Config.ConfigNameConverter<Redraw>))]
public enum Redraw
{
    /// <summary>The layer's own initialiser (the paper's "original weight distribution").</summary>
    Layer,
    /// <summary>Xavier-uniform kernel (and zero Reset bias) whatever the layer started with: the reference code's literal choice.</summary>
    Xavier,
}

/// <summary>The bounds of a layer's initial uniform distributions.</summary>
public static class InitialDistribution
{
    /// <summary>Half-width of the kernel's uniform distribution.</summary>
    public static double KernelBound(LayerSpec layer) => layer.Init switch
    {
        Initializer.TorchDefault => TorchDefaultBound(layer),
        Initializer.XavierUniform => XavierUniform.Bound(layer),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Init, "unknown initialiser"),
    };

    /// <summary>Half-width of the bias's uniform distribution; 0 means the bias starts at exactly 0.</summary>
    public static double BiasBound(LayerSpec layer) => layer.HasBias && layer.Init == Initializer.TorchDefault ? TorchDefaultBound(layer) : 0.0;

    /// <summary>PyTorch's kaiming_uniform(a = √5) kernel bound and its bias bound: both 1/√fan_in (fan_in = in·kh·kw).</summary>
    public static double TorchDefaultBound(LayerSpec layer) => 1.0 / Math.Sqrt(layer.FanIn);

    /// <summary>The spec whose initialisers the redraws use: the network's own, or Xavier-uniform everywhere.</summary>
    public static NetworkSpec ForRedraw(NetworkSpec spec, Redraw redraw) =>
        redraw == Redraw.Xavier ? spec.WithInitializer(Initializer.XavierUniform) : spec;
}
