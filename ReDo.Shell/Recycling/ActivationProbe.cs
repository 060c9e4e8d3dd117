using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Shell.Networks;
using static TorchSharp.torch;

namespace ReDo.Shell.Recycling;

/// <summary>
/// Runs a probe batch through the network without gradients and reduces each scored layer's
/// post-activation output to mean |a| per neuron inside libtorch (conv: over batch, H and W),
/// handing only those small arrays to the core.
/// </summary>
public static class ActivationProbe
{
    public static ActivationStatistics Measure(IRecyclableNetwork net, Tensor probe) => MeasureWithOutput(net, probe, keepOutput: false).Statistics;

    /// <summary>Also returns the network output on the probe (detached, caller disposes) when asked.</summary>
    public static (ActivationStatistics Statistics, Tensor? Output) MeasureWithOutput(IRecyclableNetwork net, Tensor probe, bool keepOutput)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var captured = new Dictionary<string, Tensor>();
        var output = net.ForwardCapturing(probe, captured);
        return (Reduce(net.Spec, captured), keepOutput ? output.detach().MoveToOuterDisposeScope() : null);
    }

    /// <summary>
    /// Mean |a| per neuron of activations already captured by a forward pass (SAC scores its training
    /// batch's loss forward, App. B); with <paramref name="output"/>, the output layer's raw values too.
    /// </summary>
    public static ActivationStatistics Reduce(NetworkSpec spec, IDictionary<string, Tensor> captured, Tensor? output = null)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var layers = spec.ScoredLayers.Select(l => new LayerActivation(l.Name, MeanAbs(captured[l.Name], l)));
        if (output is not null)
            layers = layers.Append(new LayerActivation(spec.OutputLayers.Single().Name, MeanAbs(output, spec.OutputLayers.Single())));
        return new ActivationStatistics(layers.ToValueList());
    }

    /// <summary>
    /// Per recyclable layer, mean |a − mean a| per neuron on the probe (conv: means over batch, H and W):
    /// the activation part of the CBP utility, as the reference's estimate_neuron_score(is_cbp) (spec §2.3).
    /// </summary>
    public static ActivationStatistics MeasureCentered(IRecyclableNetwork net, Tensor probe)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var captured = new Dictionary<string, Tensor>();
        net.ForwardCapturing(probe, captured);
        return new ActivationStatistics(net.Spec.RecyclableLayers.Select(l =>
        {
            var a = captured[l.Name].detach();
            return new LayerActivation(l.Name, MeanAbs(a.sub(a.mean(Dims(l), keepdim: true)), l));
        }).ToValueList());
    }

    static long[] Dims(LayerSpec l) => l.Kind == LayerKind.Conv2d ? [0, 2, 3] : [0];

    static ValueList<double> MeanAbs(Tensor a, LayerSpec l) =>
        a.detach().abs().mean(Dims(l)).to(ScalarType.Float64).cpu().data<double>().ToArray().ToValueList();
}
