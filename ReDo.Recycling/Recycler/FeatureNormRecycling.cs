using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Torch;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// A LayerNorm over a recycled layer's features: each recycled feature's gain and shift go back to the
/// LayerNorm's own initial values (γ = 1, β = 0), and their optimizer moments are zeroed at exactly those
/// entries, because they are that neuron's parameters as much as its incoming row is. The other features'
/// γ and β are untouched. LayerNorm couples features (its mean and variance run over all of them), so with
/// one in the path a recycle moves the function even at τ = 0: the redrawn row shifts every feature's
/// normalisation. docs/library.md says so too.
/// </summary>
public static class FeatureNormRecycling
{
    public static void Apply(IRecyclableNetwork net, OptimizerMoments moments, RecyclePlan plan, Func<IEnumerable<int>, Tensor> index)
    {
        foreach (var lr in plan.Layers)
        {
            if (net.FeatureNorm(lr.Layer) is not { } norm) continue;
            var rows = index(lr.Neurons);
            if (norm.weight is { } gain)
            {
                gain.index_fill_(0, rows, Scalars.One);
                foreach (var buffer in moments.Buffers(gain)) buffer.index_fill_(0, rows, Scalars.Zero);
            }
            if (norm.bias is { } shift)
            {
                shift.index_fill_(0, rows, Scalars.Zero);
                foreach (var buffer in moments.Buffers(shift)) buffer.index_fill_(0, rows, Scalars.Zero);
            }
        }
    }

    /// <summary>Reset baseline: a reset layer's LayerNorm starts again whole (γ = 1, β = 0, their moments zero).</summary>
    public static void Reset(IRecyclableNetwork net, OptimizerMoments moments, string layer)
    {
        if (net.FeatureNorm(layer) is not { } norm) return;
        if (norm.weight is { } gain) { gain.fill_(Scalars.One); foreach (var b in moments.Buffers(gain)) b.zero_(); }
        if (norm.bias is { } shift) { shift.zero_(); foreach (var b in moments.Buffers(shift)) b.zero_(); }
    }
}
