using ReDo.Pure.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

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
            if (net.Bias(l.Name) is not { } bias) continue;
            if (biasBound > 0) Uniform(bias, biasBound, generator);
            else bias.zero_();
        }
    }

    /// <summary>A fresh tensor of a layer's kernel shape drawn from its initial distribution.</summary>
    public static Tensor Kernel(LayerSpec layer, Generator generator, Device device, ScalarType dtype = ScalarType.Float32) =>
        Uniform(empty(layer.WeightShape.Select(d => (long)d).ToArray(), dtype, device), InitialDistribution.KernelBound(layer), generator);

    /// <summary>A fresh bias vector U(±bound).</summary>
    public static Tensor Bias(LayerSpec layer, double bound, Generator generator, Device device, ScalarType dtype = ScalarType.Float32) =>
        Uniform(empty(layer.Neurons, dtype, device), bound, generator);

    /// <remarks>
    /// <c>Tensor.uniform_</c>, never <c>nn.init.uniform_</c>: TorchSharp 0.107's <c>nn.init.uniform_(t, a, b, generator)</c>
    /// ignores its generator and draws from the global one, so every draw depended on whatever else in the
    /// process had used the global generator (a resume reference computed beside other tests drifted after
    /// its first recycle). <c>NetworkInitExamples</c> pins this.
    /// </remarks>
    static Tensor Uniform(Tensor t, double bound, Generator generator)
    {
        using var _ = no_grad();
        return t.uniform_(-bound, bound, generator);
    }
}
