using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Dormancy;

/// <summary>Dormancy of every scored layer at one threshold τ, and the overall fraction the paper logs.</summary>
public sealed record DormancyReport(double Tau, ValueList<LayerDormancy> Layers)
{
    public int Neurons => Layers.Sum(l => l.Neurons);
    public int DormantCount => Layers.Sum(l => l.DormantCount);

    /// <summary>Total dormant / total neurons over the scored (hidden) layers — the paper's dead_feature_percentage / 100.</summary>
    public double OverallFraction => Neurons == 0 ? 0 : (double)DormantCount / Neurons;

    /// <summary>The same scores judged at another threshold (a neuron's score does not depend on τ).</summary>
    public DormancyReport At(double tau) => new(tau, Layers.Select(l => l with { Tau = tau }).ToValueList());

    public LayerDormancy For(string layer) =>
        Layers.FirstOrDefault(l => l.Layer == layer) ?? throw new ArgumentException($"layer '{layer}' is not scored");

    /// <summary>
    /// Scores every scored layer of <paramref name="spec"/> from the captured statistics; with
    /// <paramref name="includeOutputs"/> the output layers too (their raw linear outputs), as the
    /// reference's SAC logs its dormant % (App. B).
    /// </summary>
    public static DormancyReport Assess(NetworkSpec spec, ActivationStatistics statistics, double tau, bool includeOutputs = false)
    {
        if (!(tau >= 0) || double.IsInfinity(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must be a finite number ≥ 0");
        var scored = includeOutputs ? spec.Layers : spec.ScoredLayers;
        var layers = scored.Select(layer =>
        {
            var meanAbs = statistics.For(layer.Name).MeanAbs;
            if (meanAbs.Count != layer.Neurons)
                throw new ArgumentException($"layer '{layer.Name}' has {layer.Neurons} neurons but {meanAbs.Count} activations were captured");
            return new LayerDormancy(layer.Name, DormantScore.Compute(meanAbs), tau);
        });
        return new DormancyReport(tau, layers.ToValueList());
    }
}
