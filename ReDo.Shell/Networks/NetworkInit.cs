using ReDo.Pure.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Networks;

/// <summary>Initialisations drawn from an explicit generator, so that runs are reproducible.</summary>
public static class NetworkInit
{
    /// <summary>Dopamine/Flax initialisation: Xavier-uniform kernels (fans include the receptive field), zero biases.</summary>
    public static void XavierUniformZeroBias(IRecyclableNetwork net, Generator generator)
    {
        using var _ = no_grad();
        foreach (var l in net.Spec.Layers)
        {
            var bound = XavierUniform.Bound(l);
            nn.init.uniform_(net.Weight(l.Name), -bound, bound, generator);
            net.Bias(l.Name).zero_();
        }
    }

    /// <summary>A fresh tensor of a layer's kernel shape drawn from its Xavier-uniform distribution.</summary>
    public static Tensor XavierKernel(LayerSpec layer, Generator generator, Device device) =>
        nn.init.uniform_(empty(layer.WeightShape.Select(d => (long)d).ToArray(), device: device), -XavierUniform.Bound(layer), XavierUniform.Bound(layer), generator);
}
