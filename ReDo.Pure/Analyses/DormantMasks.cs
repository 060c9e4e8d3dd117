using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;

namespace ReDo.Pure.Analyses;

/// <summary>Which neurons of one layer were dormant at one logging step (a bit per neuron, in neuron order).</summary>
public sealed record LayerMask(string Layer, ValueList<bool> Dormant)
{
    public IReadOnlySet<int> Set => Enumerable.Range(0, Dormant.Count).Where(i => Dormant[i]).ToHashSet();

    public static LayerMask From(LayerDormancy layer)
    {
        var bits = new bool[layer.Neurons];
        foreach (var i in layer.DormantNeurons) bits[i] = true;
        return new LayerMask(layer.Layer, bits.ToValueList());
    }
}

/// <summary>
/// The dormant masks of one dormancy logging step (τ = 0 and the configured τ), kept so that the
/// persistence and pruning analyses (paper Fig. 5, 6) can run after training.
/// </summary>
public sealed record DormantMasks(long GradientStep, double Tau, ValueList<LayerMask> AtZero, ValueList<LayerMask> AtTau)
{
    public static DormantMasks From(long gradientStep, DormancyReport atZero, DormancyReport atTau) =>
        new(gradientStep, atTau.Tau, atZero.Layers.Select(LayerMask.From).ToValueList(), atTau.Layers.Select(LayerMask.From).ToValueList());

    public ValueList<LayerMask> At(MaskThreshold threshold) => threshold == MaskThreshold.Zero ? AtZero : AtTau;
}

public enum MaskThreshold { Zero, Tau }
