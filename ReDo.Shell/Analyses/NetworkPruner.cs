using ReDo.Pure.Analyses;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>
/// Carries out a <see cref="PrunePlan"/> in place: the outgoing weights of every pruned neuron become
/// zero in each consumer, so its output no longer reaches the network's output (paper Fig. 6).
/// Incoming weights and biases are left as they are.
/// </summary>
public static class NetworkPruner
{
    public static void Apply(IRecyclableNetwork net, PrunePlan plan)
    {
        if (plan.Slices.IsEmpty) return;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var layer in plan.Slices.Layers)
            foreach (var slice in layer.Outgoing)
            {
                var weight = net.Weight(slice.Consumer);
                using var columns = tensor(slice.Columns.Select(c => (long)c).ToArray(), ScalarType.Int64, weight.device);
                weight.index_fill_(1, columns, ReDo.Recycling.Torch.Scalars.Zero);
            }
    }
}
