using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// The Continual-Backprop utility the reference's scheduled recycler offers as score type 'cbp'
/// (paper Fig. 25; docs/specs/redo-algorithm.md §2.3): u_i = mean |a_i − mean a_i| × Σ|outgoing weights of i| / Σ|incoming
/// weights of i|, computed fresh at each recycle (no running average, no maturity threshold) and not
/// normalised. The shell measures the centred activations and the per-column |weight| sums; the core
/// maps columns to neurons and combines.
/// </summary>
public static class CbpUtility
{
    /// <returns>u per neuron; 0 where the incoming weights are all 0 (the neuron's output is then its constant bias, so its centred activation is 0 too).</returns>
    public static IReadOnlyList<double> Compute(IReadOnlyList<double> centeredMeanAbs, IReadOnlyList<double> incomingAbsSum, IReadOnlyList<double> outgoingAbsSum)
    {
        if (centeredMeanAbs.Count != incomingAbsSum.Count || centeredMeanAbs.Count != outgoingAbsSum.Count)
            throw new ArgumentException($"one value per neuron each: {centeredMeanAbs.Count} activations, {incomingAbsSum.Count} incoming sums, {outgoingAbsSum.Count} outgoing sums");
        return Enumerable.Range(0, centeredMeanAbs.Count)
            .Select(i => incomingAbsSum[i] > 0 ? centeredMeanAbs[i] * outgoingAbsSum[i] / incomingAbsSum[i] : 0.0)
            .ToList();
    }

    /// <summary>
    /// Σ|outgoing weights| per neuron of <paramref name="layer"/>, summed over all its consumers (both
    /// dueling heads; the reference reads only the first) from each consumer's per-input-column sums
    /// (over output rows and kernel positions), through the flatten for conv → dense.
    /// </summary>
    public static IReadOnlyList<double> OutgoingPerNeuron(NetworkSpec spec, string layer, IReadOnlyDictionary<string, IReadOnlyList<double>> columnAbsSums, FlattenMapping mapping)
    {
        var neurons = spec.Layer(layer).Neurons;
        var sums = new double[neurons];
        foreach (var consumer in spec.ConsumersOf(layer))
        {
            if (!columnAbsSums.TryGetValue(consumer.Name, out var columns)) throw new ArgumentException($"no column sums for consumer '{consumer.Name}'");
            if (columns.Count != consumer.InputUnits) throw new ArgumentException($"consumer '{consumer.Name}' has {consumer.InputUnits} input columns, {columns.Count} sums given");
            for (int j = 0; j < neurons; j++)
                foreach (var c in consumer.Flatten is { } g ? FlattenColumns.For(g, [j], mapping) : [j])
                    sums[j] += columns[c];
        }
        return sums;
    }
}
