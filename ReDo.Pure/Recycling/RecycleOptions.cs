using System.ComponentModel;
using System.Text.Json.Serialization;
using ReDo.Pure.Config;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>Redo:Outgoing: what a recycled neuron's outgoing weights become (its config word: the JSON name).</summary>
[TypeConverter(typeof(ConfigNameConverter<OutgoingInit>))]
public enum OutgoingInit
{
    /// <summary>The paper and the reference: outgoing weights of a recycled neuron become 0.</summary>
    [JsonStringEnumMemberName("zero")] Zero,
    /// <summary>Ablation (paper Fig. 22): redraw them from the consumer kernel's initial distribution.</summary>
    [JsonStringEnumMemberName("random")] Random,
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
