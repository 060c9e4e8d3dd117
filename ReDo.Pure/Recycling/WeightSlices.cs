using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>Flat (row-major) positions of plan slices inside a layer's weight.</summary>
public static class WeightSlices
{
    /// <summary>Incoming weights of neuron j: row j, i.e. weight[j, …] (conv: the whole filter).</summary>
    public static IEnumerable<int> IncomingEntries(LayerSpec layer, IEnumerable<int> neurons) =>
        neurons.SelectMany(j => Enumerable.Range(j * layer.FanIn, layer.FanIn));

    /// <summary>Input column c of every output row: weight[:, c, …] (conv: input channel c of every filter).</summary>
    public static IEnumerable<int> ColumnEntries(LayerSpec layer, IEnumerable<int> columns)
    {
        var cols = columns.ToList();
        for (int o = 0; o < layer.Neurons; o++)
            foreach (var c in cols)
                for (int k = 0; k < layer.KernelArea; k++)
                    yield return o * layer.FanIn + c * layer.KernelArea + k;
    }
}
