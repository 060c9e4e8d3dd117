using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;

namespace ReDo.Pure.Analyses;

/// <summary>
/// Paper §3, Fig. 6: pruning the τ-dormant neurons of a trained network. A pruned neuron's output is
/// masked, which for the network's output is the same as zeroing its outgoing weights in every
/// consumer; the plan therefore carries the recycle plan's outgoing slices and nothing else is touched.
/// </summary>
public sealed record PrunePlan(RecyclePlan Slices, int Pruned, int Neurons)
{
    /// <summary>Pruned neurons / scored neurons (0 for a network without scored neurons).</summary>
    public double Fraction => Neurons == 0 ? 0 : (double)Pruned / Neurons;

    public static PrunePlan FromDormancy(NetworkSpec spec, DormancyReport report, FlattenMapping mapping = FlattenMapping.ChannelsFirst)
    {
        var plan = RecyclePlanner.FromDormancy(spec, report, mapping);
        return new PrunePlan(plan, plan.NeuronCount, spec.ScoredNeuronCount);
    }
}
