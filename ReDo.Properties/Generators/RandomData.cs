using ReDo.Pure.Collections;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;

namespace ReDo.Properties.Generators;

/// <summary>Seeded random contents for a spec: states, selections, draws (deterministic per seed, so a failing case replays).</summary>
public static class RandomData
{
    static ValueList<float> Floats(System.Random r, int n, float scale = 1f) => Enumerable.Range(0, n).Select(_ => (float)(r.NextDouble() * 2 - 1) * scale).ToValueList();

    /// <summary>Random weights, biases and two moment buffers per parameter with a random step count.</summary>
    public static NetworkState State(NetworkSpec spec, System.Random r) =>
        new(spec.Layers.Select(l => new LayerState(l.Name, Floats(r, l.WeightCount), Floats(r, l.Neurons),
            new ParameterMoments(ValueList.Of(Floats(r, l.WeightCount), Floats(r, l.WeightCount)), r.Next(1, 100)),
            new ParameterMoments(ValueList.Of(Floats(r, l.Neurons), Floats(r, l.Neurons)), r.Next(1, 100)))).ToValueList());

    /// <summary>A random subset of each recyclable layer's neurons (each neuron with probability p; sometimes all, sometimes none).</summary>
    public static Dictionary<string, IReadOnlyCollection<int>> Selection(NetworkSpec spec, System.Random r) =>
        spec.RecyclableLayers.ToDictionary(l => l.Name, l =>
        {
            double p = r.Next(4) switch { 0 => 0.0, 1 => 1.0, _ => r.NextDouble() };
            return (IReadOnlyCollection<int>)Enumerable.Range(0, l.Neurons).Where(_ => r.NextDouble() < p).ToList();
        });

    /// <summary>Fresh values for every layer (more than any plan needs; the recycler must take only what its plan names).</summary>
    public static RecycleDraws Draws(NetworkSpec spec, System.Random r) => new(
        spec.Layers.ToDictionary(l => l.Name, l => Floats(r, l.WeightCount, 5f)),
        spec.Layers.ToDictionary(l => l.Name, l => Floats(r, l.Neurons, 5f)),
        spec.Layers.ToDictionary(l => l.Name, l => Floats(r, l.WeightCount, 5f)));

    public static RecycleOptions Options(System.Random r) =>
        new((OutgoingInit)r.Next(2), (BiasInit)r.Next(2), r.Next(2) == 1);
}
