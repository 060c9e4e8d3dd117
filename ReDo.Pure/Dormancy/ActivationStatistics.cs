using ReDo.Pure.Collections;

namespace ReDo.Pure.Dormancy;

/// <summary>Per neuron mean |post-activation output| of one layer on a probe batch.</summary>
public sealed record LayerActivation(string Layer, ValueList<double> MeanAbs);

/// <summary>What the shell measures on a probe batch and hands to the core.</summary>
public sealed record ActivationStatistics(ValueList<LayerActivation> Layers)
{
    public LayerActivation For(string layer) =>
        Layers.FirstOrDefault(l => l.Layer == layer) ?? throw new ArgumentException($"no activations captured for layer '{layer}'");
}
