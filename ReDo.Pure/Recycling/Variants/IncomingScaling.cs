namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// Incoming weight scaling (paper App. C.2 / Fig. 23; docs/specs/redo-algorithm.md §2.3): each recycled neuron's fresh incoming
/// vector is rescaled to the mean L2 norm of the layer's kept neurons' incoming vectors × incomingScale.
/// The core computes the factors from norms; the shell multiplies the rows.
/// </summary>
public static class IncomingScaling
{
    /// <returns>One factor per recycled neuron: target / its fresh norm (1 for a zero vector, which no factor can fix; 1 for all when no neuron is kept).</returns>
    public static IReadOnlyList<double> Factors(IReadOnlyList<double> freshNorms, IReadOnlyList<double> keptNorms, double incomingScale = 1.0)
    {
        if (keptNorms.Count == 0) return freshNorms.Select(_ => 1.0).ToList();   // the reference divides by zero kept neurons; we leave the draw alone
        double target = keptNorms.Average() * incomingScale;
        return freshNorms.Select(n => n > 0 ? target / n : 1.0).ToList();
    }
}
