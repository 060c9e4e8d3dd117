using ReDo.Pure.Collections;

namespace ReDo.Pure.Recycling;

/// <summary>
/// Optimizer state of one parameter tensor: its moment buffers (Adam: exp_avg, exp_avg_sq; RMSprop:
/// square_avg …), each shaped like the parameter, and the per-parameter step count.
/// </summary>
public sealed record ParameterMoments(ValueList<ValueList<float>> Buffers, long Step);

/// <summary>One layer's parameters as flat row-major arrays (the layout of a contiguous tensor) and their moments.</summary>
public sealed record LayerState(string Layer, ValueList<float> Weight, ValueList<float> Bias, ParameterMoments WeightMoments, ParameterMoments BiasMoments);

/// <summary>A network's weights and optimizer state as plain data: what the reference recycler works on.</summary>
public sealed record NetworkState(ValueList<LayerState> Layers)
{
    public LayerState For(string layer) =>
        Layers.FirstOrDefault(l => l.Layer == layer) ?? throw new ArgumentException($"no state for layer '{layer}'");
}

/// <summary>
/// Fresh values drawn by the shell, each of a whole tensor's shape (the reference draws a full
/// Xavier kernel per layer and keeps the masked entries): incoming kernels per recycled or reset
/// layer; biases per layer (only for <see cref="BiasInit.Default"/>); consumer kernels (only for
/// <see cref="OutgoingInit.Random"/>).
/// </summary>
public sealed record RecycleDraws(
    IReadOnlyDictionary<string, ValueList<float>> Incoming,
    IReadOnlyDictionary<string, ValueList<float>> Biases,
    IReadOnlyDictionary<string, ValueList<float>> Outgoing);
