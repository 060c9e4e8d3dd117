using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using ReDo.Recycling.Discovery;

namespace ReDo.Recycling;

/// <summary>
/// Everything <see cref="NeuronRecycler"/> needs besides the model and the optimizer. Defaults are the
/// paper's: τ = 0.1, recycle every <see cref="RecycleSchedule.Period"/> gradient steps, incoming weights
/// redrawn from each layer's own initialiser, outgoing weights and bias zero, optimizer moments zeroed at the
/// recycled entries with the step count kept (Dopamine; <c>Options with { ResetOptimizerStep = true }</c>
/// resets it as timoklein/redo does), channel-major flatten mapping (TorchSharp's NCHW flatten).
/// </summary>
public sealed record RecyclerSettings(
    RecycleSchedule Schedule,
    double Tau = 0.1,
    ulong Seed = 0,
    RecycleOptions? Options = null,
    FlattenMapping Mapping = FlattenMapping.ChannelsFirst,
    DiscoveryOptions? Discovery = null)
{
    public RecycleSettings ToRecycleSettings() => new(Tau, Mapping, Options ?? RecycleOptions.Reference);
}
