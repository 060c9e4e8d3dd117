using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>Turns a choice of neurons (normally the τ-dormant ones) into slices of weights.</summary>
public static class RecyclePlanner
{
    /// <summary>ReDo's plan: recycle every τ-dormant neuron of every recyclable layer.</summary>
    public static RecyclePlan FromDormancy(NetworkSpec spec, DormancyReport report, FlattenMapping mapping = FlattenMapping.ChannelsFirst) =>
        FromNeurons(spec, spec.RecyclableLayers.ToDictionary(l => l.Name, l => (IReadOnlyCollection<int>)report.For(l.Name).DormantNeurons.ToList()), mapping);

    /// <summary>A plan for any selection of neurons per layer (layers not named recycle nothing).</summary>
    public static RecyclePlan FromNeurons(NetworkSpec spec, IReadOnlyDictionary<string, IReadOnlyCollection<int>> neurons, FlattenMapping mapping = FlattenMapping.ChannelsFirst)
    {
        foreach (var name in neurons.Keys)
        {
            var layer = spec.Layer(name);
            if (layer.Role != LayerRole.Hidden) throw new ArgumentException($"layer '{name}' is an output layer; output neurons are never recycled");
            foreach (var n in neurons[name])
                if (n < 0 || n >= layer.Neurons) throw new ArgumentOutOfRangeException(nameof(neurons), $"layer '{name}' has no neuron {n} (it has {layer.Neurons})");
        }
        var layers = spec.RecyclableLayers
            .Where(l => neurons.TryGetValue(l.Name, out var chosen) && chosen.Count > 0)
            .Select(l =>
            {
                var chosen = neurons[l.Name].Distinct().Order().ToValueList();
                var outgoing = spec.ConsumersOf(l.Name)
                    .Select(consumer => new OutgoingSlice(consumer.Name, OutgoingColumns(consumer, chosen, mapping).ToValueList()))
                    .ToValueList();
                return new LayerRecycle(l.Name, chosen, outgoing);
            });
        return new RecyclePlan(layers.ToValueList(), mapping);
    }

    /// <summary>conv→conv and linear→linear: column j is neuron j; conv→linear goes through the flatten.</summary>
    static IEnumerable<int> OutgoingColumns(LayerSpec consumer, IReadOnlyCollection<int> neurons, FlattenMapping mapping) =>
        consumer.Flatten is { } geometry ? FlattenColumns.For(geometry, neurons, mapping) : neurons;
}
