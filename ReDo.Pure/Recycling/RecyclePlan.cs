using ReDo.Pure.Collections;

namespace ReDo.Pure.Recycling;

/// <summary>Input columns (dimension 1 of the weight) of a consumer layer: the outgoing weights of recycled neurons.</summary>
public sealed record OutgoingSlice(string Consumer, ValueList<int> Columns);

/// <summary>
/// One recyclable layer's part of a plan: the dormant neurons (their incoming rows — dimension 0 of
/// the weight — are redrawn and their biases zeroed) and the outgoing slices to zero in every consumer.
/// </summary>
public sealed record LayerRecycle(string Layer, ValueList<int> Neurons, ValueList<OutgoingSlice> Outgoing);

/// <summary>What a recycle step will do, decided before any tensor is touched.</summary>
public sealed record RecyclePlan(ValueList<LayerRecycle> Layers, FlattenMapping Mapping)
{
    public static RecyclePlan Empty(FlattenMapping mapping = FlattenMapping.ChannelsFirst) => new(ValueList<LayerRecycle>.Empty, mapping);

    public bool IsEmpty => Layers.All(l => l.Neurons.Count == 0);

    public int NeuronCount => Layers.Sum(l => l.Neurons.Count);

    public LayerRecycle? For(string layer) => Layers.FirstOrDefault(l => l.Layer == layer);
}
