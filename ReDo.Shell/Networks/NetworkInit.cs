using ReDo.Pure.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Networks;

/// <summary>
/// Initialisations drawn from an explicit generator, so that runs are reproducible, and always from
/// the layer's own <see cref="Initializer"/>: the network starts, and is recycled, from one record.
/// </summary>
public static class NetworkInit
{
    /// <summary>Every layer in network order: kernel, then bias (drawn, or zeroed where the initialiser says 0).</summary>
    public static void Initialize(IRecyclableNetwork net, Generator generator)
    {
        using var _ = no_grad();
        foreach (var l in net.Spec.Layers)
        {
            Uniform(net.Weight(l.Name), InitialDistribution.KernelBound(l), generator);
            var biasBound = InitialDistribution.BiasBound(l);
            if (biasBound > 0) Uniform(net.Bias(l.Name), biasBound, generator);
            else net.Bias(l.Name).zero_();
        }
    }

    /// <summary>A fresh tensor of a layer's kernel shape drawn from its initial distribution.</summary>
    public static Tensor Kernel(LayerSpec layer, Generator generator, Device device) =>
        Uniform(empty(layer.WeightShape.Select(d => (long)d).ToArray(), device: device), InitialDistribution.KernelBound(layer), generator);

    /// <summary>A fresh bias vector U(±bound).</summary>
    public static Tensor Bias(LayerSpec layer, double bound, Generator generator, Device device) =>
        Uniform(empty(layer.Neurons, device: device), bound, generator);

    static Tensor Uniform(Tensor t, double bound, Generator generator) => nn.init.uniform_(t, -bound, bound, generator);
}
