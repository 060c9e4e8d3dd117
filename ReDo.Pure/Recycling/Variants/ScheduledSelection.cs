using ReDo.Pure.Networks;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// The scheduled variant on a whole network at one recycle step (paper Fig. 15; docs/specs/redo-algorithm.md §2.3): in every
/// recyclable layer the max(1, round(n·f)) lowest-ranked neurons plus ties, f from the cosine
/// schedule. Random rankings are drawn from a generator folded from the seed, the step and the layer
/// (as the reference folds the step into its key), so no generator state needs a checkpoint.
/// </summary>
public sealed record ScheduledSelection(ScoreType Type, ScheduledFraction Schedule, ulong Seed)
{
    /// <param name="scores">Per recyclable layer, one score per neuron: Eq. 1 scores, or CBP utilities for <see cref="ScoreType.Cbp"/>.</param>
    public IReadOnlyDictionary<string, IReadOnlyCollection<int>> Choose(NetworkSpec spec, IReadOnlyDictionary<string, IReadOnlyList<double>> scores, long step)
    {
        double fraction = Schedule.At(step);
        var chosen = new Dictionary<string, IReadOnlyCollection<int>>();
        int index = 0;
        foreach (var layer in spec.RecyclableLayers)
        {
            if (!scores.TryGetValue(layer.Name, out var layerScores)) throw new ArgumentException($"no scores for layer '{layer.Name}'");
            if (layerScores.Count != layer.Neurons) throw new ArgumentException($"layer '{layer.Name}' has {layer.Neurons} neurons, {layerScores.Count} scores given");
            var (ranking, _) = FractionSelection.Ranking(Type, layerScores, Fold(step, index++));
            chosen[layer.Name] = FractionSelection.Lowest(ranking, fraction).ToList();
        }
        return chosen;
    }

    /// <summary>A generator for (step, layer): the seed's stream advanced by a hash of both.</summary>
    SplitMix64 Fold(long step, int layer)
    {
        var (mixed, _) = new SplitMix64(Seed ^ ((ulong)step * 0x9E3779B97F4A7C15UL) ^ ((ulong)layer << 56)).NextUInt64();
        return new SplitMix64(mixed);
    }
}
