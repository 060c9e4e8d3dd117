using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Torch;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// Carries out Pure's plans on a live network, in place: parameters keep their identity (the
/// optimizer keys its state by them), and the phase order is the reference's (biases, incoming
/// rows, outgoing columns; then optimizer moments at exactly the touched kernel entries).
/// </summary>
public static class TensorRecycler
{
    public static void Apply(IRecyclableNetwork net, OptimizerMoments moments, RecyclePlan plan, RecycleOptions options, TensorDraws draws)
    {
        if (plan.IsEmpty) return;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var device = net.Weight(plan.Layers[0].Layer).device;
        Tensor Index(IEnumerable<int> xs) => tensor(xs.Select(x => (long)x).ToArray(), ScalarType.Int64, device);

        foreach (var lr in plan.Layers)
        {
            if (net.Bias(lr.Layer) is not { } bias) continue;
            var rows = Index(lr.Neurons);
            if (options.Bias == BiasInit.Zero) bias.index_fill_(0, rows, Scalars.Zero);
            else bias.index_copy_(0, rows, draws.Biases[lr.Layer].index_select(0, rows));
        }
        foreach (var lr in plan.Layers)
        {
            var rows = Index(lr.Neurons);
            net.Weight(lr.Layer).index_copy_(0, rows, draws.Incoming[lr.Layer].index_select(0, rows));
        }
        foreach (var lr in plan.Layers)
            foreach (var slice in lr.Outgoing)
            {
                var cols = Index(slice.Columns);
                var weight = net.Weight(slice.Consumer);
                if (options.Outgoing == OutgoingInit.Zero) weight.index_fill_(1, cols, Scalars.Zero);
                else weight.index_copy_(1, cols, draws.Outgoing[slice.Consumer].index_select(1, cols));
            }
        FeatureNormRecycling.Apply(net, moments, plan, Index);
        foreach (var lr in plan.Layers)
        {
            var rows = Index(lr.Neurons);
            var weight = net.Weight(lr.Layer);
            foreach (var buffer in moments.Buffers(weight)) buffer.index_fill_(0, rows, Scalars.Zero);
            if (options.ResetOptimizerStep)
            {
                if (net.Bias(lr.Layer) is { } bias)
                {
                    foreach (var buffer in moments.Buffers(bias)) buffer.index_fill_(0, rows, Scalars.Zero);
                    moments.ResetStep(bias);
                }
                moments.ResetStep(weight);
            }
            foreach (var slice in lr.Outgoing)
            {
                var consumer = net.Weight(slice.Consumer);
                var cols = Index(slice.Columns);
                foreach (var buffer in moments.Buffers(consumer)) buffer.index_fill_(1, cols, Scalars.Zero);
                if (options.ResetOptimizerStep) moments.ResetStep(consumer);
            }
        }
    }

    /// <summary>Reset baseline: named layers take their fresh kernels whole, fresh biases (zero where none was drawn), zero kernel moments (steps kept).</summary>
    public static void Apply(IRecyclableNetwork net, OptimizerMoments moments, LayerResetPlan plan, TensorDraws draws)
    {
        using var _ = no_grad();
        foreach (var name in plan.Layers)
        {
            var weight = net.Weight(name);
            weight.copy_(draws.Incoming[name]);
            if (net.Bias(name) is not { } bias) { }
            else if (draws.Biases.TryGetValue(name, out var fresh)) bias.copy_(fresh);
            else bias.zero_();
            foreach (var buffer in moments.Buffers(weight)) buffer.zero_();
            FeatureNormRecycling.Reset(net, moments, name);
        }
    }
}
