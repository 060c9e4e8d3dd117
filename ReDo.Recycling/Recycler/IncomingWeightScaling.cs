using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// Incoming weight scaling (paper App. C.2 / Fig. 23; docs/specs/redo-algorithm.md §2.3) on a recycle's draws: each recycled
/// neuron's fresh incoming vector (its row of the drawn kernel) is rescaled to the mean L2 norm of
/// the layer's kept neurons' current incoming vectors. Norms are measured here, the factors decided
/// by <see cref="IncomingScaling"/>; the scaled rows are what <see cref="TensorRecycler"/> then copies in.
/// </summary>
public static class IncomingWeightScaling
{
    public static void Apply(IRecyclableNetwork net, RecyclePlan plan, TensorDraws draws)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var lr in plan.Layers)
        {
            var fresh = draws.Incoming[lr.Layer];
            var recycled = lr.Neurons.ToHashSet();
            var current = RowNorms(net.Weight(lr.Layer).detach());
            var drawn = RowNorms(fresh);
            var kept = Enumerable.Range(0, current.Length).Where(j => !recycled.Contains(j)).Select(j => current[j]).ToList();
            var factors = IncomingScaling.Factors(lr.Neurons.Select(j => drawn[j]).ToList(), kept);
            var rows = tensor(lr.Neurons.Select(j => (long)j).ToArray(), ScalarType.Int64, fresh.device);
            long[] shape = [lr.Neurons.Count, .. Enumerable.Repeat(1L, (int)fresh.dim() - 1)];
            var scale = tensor(factors.ToArray(), ScalarType.Float64, fresh.device).to(fresh.dtype).reshape(shape);
            fresh.index_copy_(0, rows, fresh.index_select(0, rows).mul(scale));
        }
    }

    static double[] RowNorms(Tensor kernel)
    {
        var rows = kernel.flatten(1).to(ScalarType.Float64);
        return rows.mul(rows).sum(1).sqrt().cpu().data<double>().ToArray();
    }
}
