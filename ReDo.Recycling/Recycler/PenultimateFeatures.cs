using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// The singular values of the penultimate layer's post-ReLU features on a probe batch (a probe × H
/// matrix; conv features are flattened per sample), for the ranks of paper Table 7.
/// </summary>
public static class PenultimateFeatures
{
    /// <summary>The last hidden layer: the one the output layers read.</summary>
    public static string Layer(NetworkSpec spec) => spec.RecyclableLayers.Last().Name;

    public static double[] SingularValues(IRecyclableNetwork net, Tensor probe)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var captured = new Dictionary<string, Tensor>();
        net.ForwardCapturing(probe, captured);
        var features = captured[Layer(net.Spec)].flatten(1).to(ScalarType.Float64);
        return linalg.svdvals(features).cpu().data<double>().ToArray();
    }
}
