using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// Fresh tensors for one recycle or reset, drawn in a fixed order from one generator so that the
/// same seed gives the same network: per plan layer its full kernel from the layer's initial
/// distribution (or Xavier-uniform, <see cref="Redraw.Xavier"/>), then (options) its default-init
/// bias, then its consumers' kernels for random outgoing weights. Reset: per layer kernel, then bias
/// where the initialiser draws one.
/// </summary>
public sealed class TensorDraws : IDisposable
{
    public Dictionary<string, Tensor> Incoming { get; } = [];
    public Dictionary<string, Tensor> Biases { get; } = [];
    public Dictionary<string, Tensor> Outgoing { get; } = [];

    public static TensorDraws For(NetworkSpec spec, RecyclePlan plan, RecycleOptions options, Generator generator, Device device, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();   // every temporary owned (docs/torch-rules.md); the draws are detached from it
        var draws = new TensorDraws();
        var redrawn = InitialDistribution.ForRedraw(spec, options.Redraw);
        foreach (var lr in plan.Layers)
        {
            var layer = redrawn.Layer(lr.Layer);
            draws.Incoming[lr.Layer] = NetworkInit.Kernel(layer, generator, device, dtype).DetachFromDisposeScope();
            if (options.Bias == BiasInit.Default && layer.HasBias)
                draws.Biases[lr.Layer] = NetworkInit.Bias(layer, InitialDistribution.TorchDefaultBound(layer), generator, device, dtype).DetachFromDisposeScope();
            if (options.Outgoing == OutgoingInit.Random)
                foreach (var slice in lr.Outgoing.Where(s => !draws.Outgoing.ContainsKey(s.Consumer)))
                    draws.Outgoing[slice.Consumer] = NetworkInit.Kernel(redrawn.Layer(slice.Consumer), generator, device, dtype).DetachFromDisposeScope();
        }
        return draws;
    }

    /// <param name="spec">The spec the redraws follow: the network's, or <see cref="InitialDistribution.ForRedraw"/> of it.</param>
    public static TensorDraws For(NetworkSpec spec, LayerResetPlan plan, Generator generator, Device device, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var draws = new TensorDraws();
        foreach (var name in plan.Layers)
        {
            var layer = spec.Layer(name);
            draws.Incoming[name] = NetworkInit.Kernel(layer, generator, device, dtype).DetachFromDisposeScope();
            var biasBound = InitialDistribution.BiasBound(layer);
            if (biasBound > 0) draws.Biases[name] = NetworkInit.Bias(layer, biasBound, generator, device, dtype).DetachFromDisposeScope();
        }
        return draws;
    }

    public void Dispose()
    {
        foreach (var t in Incoming.Values.Concat(Biases.Values).Concat(Outgoing.Values)) t.Dispose();
    }
}
