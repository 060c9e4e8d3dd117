using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>
/// Which layers' outputs on the probe, measured before a recycle, are still exactly what the layers
/// downstream read after it, so that the forward measuring the recycle's output change can start
/// from them instead of from the input. A layer stays valid unless
/// <list type="bullet">
/// <item>its kernel lost columns to the plan (a consumer of a recycled layer),</item>
/// <item>it was recycled and its new activations reach a consumer through a non-zero weight (random
/// outgoing weights, or a consumer the plan does not rewire), or</item>
/// <item>its input is not valid.</item>
/// </list>
/// With the reference's zero outgoing weights a recycled layer stays valid: its fresh neurons feed
/// only zeroed columns, so a consumer computes the same sums from the old activations (0 · a adds
/// exactly nothing). Valid layers are closed towards the input, so the forward skips a prefix.
/// </summary>
public static class ProbeOutputReuse
{
    /// <returns>Names of the still-valid layers, in network order (every layer for an empty plan).</returns>
    public static ValueList<string> StillValid(NetworkSpec spec, RecyclePlan plan, OutgoingInit outgoing)
    {
        var recycled = plan.Layers.Select(l => l.Layer).ToHashSet();
        var rewired = plan.Layers.SelectMany(l => l.Outgoing).Select(s => s.Consumer).ToHashSet();
        var stale = new HashSet<string>();
        foreach (var layer in spec.Layers)   // network order: a layer's input comes before it
        {
            bool freshNeuronsReachOn = recycled.Contains(layer.Name)
                && (outgoing != OutgoingInit.Zero || spec.ConsumersOf(layer.Name).Any(c => !rewired.Contains(c.Name)));
            if (rewired.Contains(layer.Name) || freshNeuronsReachOn || stale.Contains(layer.Input))
                stale.Add(layer.Name);
        }
        return spec.Layers.Where(l => !stale.Contains(l.Name)).Select(l => l.Name).ToValueList();
    }
}
