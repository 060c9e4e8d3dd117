using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>Σ|w| of a kernel per output neuron (its incoming weights) and per input column (the producer's outgoing weights), for the CBP utility.</summary>
public static class WeightAbsSums
{
    /// <summary>One sum per row: weight[j, …] (conv: the whole filter j).</summary>
    public static double[] PerNeuron(Tensor weight)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return weight.detach().abs().flatten(1).sum(1).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }

    /// <summary>One sum per input column: weight[:, c, …] over every output row (conv: and kernel position).</summary>
    public static double[] PerInputColumn(Tensor weight)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var a = weight.detach().abs();
        long[] dims = a.dim() == 4 ? [0, 2, 3] : [0];
        return a.sum(dims).to(ScalarType.Float64).cpu().data<double>().ToArray();
    }
}
