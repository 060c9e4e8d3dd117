using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Shell.Networks;
using static TorchSharp.torch;

namespace ReDo.Shell.Recycling;

/// <summary>
/// Fresh tensors for one recycle or reset, drawn in a fixed order from one generator so that the
/// same seed gives the same network: per plan layer its full Xavier kernel, then (options) its
/// default-init bias, then the Xavier kernels of its consumers for random outgoing weights.
/// </summary>
public sealed class TensorDraws : IDisposable
{
    public Dictionary<string, Tensor> Incoming { get; } = [];
    public Dictionary<string, Tensor> Biases { get; } = [];
    public Dictionary<string, Tensor> Outgoing { get; } = [];

    public static TensorDraws For(NetworkSpec spec, RecyclePlan plan, RecycleOptions options, Generator generator, Device device)
    {
        using var scope = NewDisposeScope();   // every temporary owned (docs/torch-rules.md); the draws are detached from it
        var draws = new TensorDraws();
        foreach (var lr in plan.Layers)
        {
            var layer = spec.Layer(lr.Layer);
            draws.Incoming[lr.Layer] = NetworkInit.XavierKernel(layer, generator, device).DetachFromDisposeScope();
            if (options.Bias == BiasInit.Default)
            {
                var b = XavierUniform.DefaultBiasBound(layer);
                draws.Biases[lr.Layer] = nn.init.uniform_(empty(layer.Neurons, device: device), -b, b, generator).DetachFromDisposeScope();
            }
            if (options.Outgoing == OutgoingInit.Random)
                foreach (var slice in lr.Outgoing.Where(s => !draws.Outgoing.ContainsKey(s.Consumer)))
                    draws.Outgoing[slice.Consumer] = NetworkInit.XavierKernel(spec.Layer(slice.Consumer), generator, device).DetachFromDisposeScope();
        }
        return draws;
    }

    public static TensorDraws For(NetworkSpec spec, LayerResetPlan plan, Generator generator, Device device)
    {
        using var scope = NewDisposeScope();
        var draws = new TensorDraws();
        foreach (var name in plan.Layers)
            draws.Incoming[name] = NetworkInit.XavierKernel(spec.Layer(name), generator, device).DetachFromDisposeScope();
        return draws;
    }

    public void Dispose()
    {
        foreach (var t in Incoming.Values.Concat(Biases.Values).Concat(Outgoing.Values)) t.Dispose();
    }
}
