using ReDo.Pure.Collections;

namespace ReDo.Pure.Dormancy;

/// <summary>
/// Eq. 1 of the paper: s_i = E|h_i| / (mean_k E|h_k| + 1e-9). Scores average to 1 within a layer
/// (the paper's "sum to one" wording is wrong; the code and the maintainers agree on the mean).
/// </summary>
public static class DormantScore
{
    /// <summary>Added to the layer mean only, as the reference does.</summary>
    public const double Epsilon = 1e-9;

    /// <param name="meanAbsActivation">Per neuron: mean |activation| over the probe batch (conv: also over H and W).</param>
    public static ValueList<double> Compute(IReadOnlyList<double> meanAbsActivation)
    {
        if (meanAbsActivation.Count == 0) return ValueList<double>.Empty;
        double layerMean = 0;
        foreach (var a in meanAbsActivation)
        {
            if (!(a >= 0) || double.IsInfinity(a)) throw new ArgumentException($"mean |activation| must be finite and ≥ 0, got {a}");
            layerMean += a;
        }
        layerMean /= meanAbsActivation.Count;
        var denominator = layerMean + Epsilon;
        return meanAbsActivation.Select(a => a / denominator).ToValueList();
    }

    /// <summary>τ-dormant iff s ≤ τ (inclusive, exact, as the reference tests it).</summary>
    public static bool IsDormant(double score, double tau) => score <= tau;
}
