using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

public enum OutgoingInit
{
    /// <summary>The paper and the reference: outgoing weights of a recycled neuron become 0.</summary>
    Zero,
    /// <summary>Ablation (paper Fig. 22): redraw them from the consumer kernel's initial distribution.</summary>
    Random,
}

public enum BiasInit
{
    /// <summary>The reference: a recycled neuron's bias becomes 0.</summary>
    Zero,
    /// <summary>PyTorch-default U(±1/√fan_in), as timoklein/redo does.</summary>
    Default,
}

/// <summary>
/// How a plan is carried out. Defaults reproduce the reference: incoming weights from the layer's
/// initial distribution (the reference's networks start Xavier-uniform, so it draws Xavier-uniform),
/// zero outgoing, zero bias, optimizer moments zeroed at the recycled kernel entries only, step count kept.
/// </summary>
public sealed record RecycleOptions(
    OutgoingInit Outgoing = OutgoingInit.Zero,
    BiasInit Bias = BiasInit.Zero,
    bool ResetOptimizerStep = false,
    Redraw Redraw = Redraw.Layer)
{
    public static RecycleOptions Reference { get; } = new();
}
