using ReDo.Pure.Collections;

namespace ReDo.Pure.Recycling;

/// <summary>Neurons recycled in one layer.</summary>
public sealed record LayerCount(string Layer, int Neurons);

/// <summary>
/// What one recycle did: neurons per layer and the largest |Δ output| on the probe batch that it
/// caused (0 when τ = 0 with the ChannelsFirst mapping — the paper's remark).
/// </summary>
public sealed record RecycleOutcome(ValueList<LayerCount> Recycled, double MaxOutputChange)
{
    public int Total => Recycled.Sum(r => r.Neurons);

    public static RecycleOutcome Of(RecyclePlan plan, double maxOutputChange) =>
        new(plan.Layers.Select(l => new LayerCount(l.Layer, l.Neurons.Count)).ToValueList(), maxOutputChange);
}
