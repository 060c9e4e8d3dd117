using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>
/// The Reset baseline (Nikishin et al.; reference LayerReset): whole layers are redrawn from their
/// initial distribution (kernel, and bias where it does not start at 0), their kernel moments
/// zeroed; step counts kept.
/// </summary>
public sealed record LayerResetPlan(ValueList<string> Layers)
{
    /// <summary>All layers from index <paramref name="startLayerIndex"/> to the end (the reference's reset_start_layer_idx).</summary>
    public static LayerResetPlan FromIndex(NetworkSpec spec, int startLayerIndex)
    {
        if (startLayerIndex < 0 || startLayerIndex >= spec.Layers.Count)
            throw new ArgumentOutOfRangeException(nameof(startLayerIndex), $"network '{spec.Name}' has layers 0…{spec.Layers.Count - 1}");
        return new(spec.Layers.Skip(startLayerIndex).Select(l => l.Name).ToValueList());
    }

    /// <summary>The named layers, in network order.</summary>
    public static LayerResetPlan Named(NetworkSpec spec, IEnumerable<string> names)
    {
        var set = names.ToHashSet();
        foreach (var n in set) spec.Layer(n);
        return new(spec.Layers.Where(l => set.Contains(l.Name)).Select(l => l.Name).ToValueList());
    }
}
