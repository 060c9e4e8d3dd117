using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling;

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
        var capture = Capture(net, probe);
        return (capture.Statistics, keepOutput ? capture.Output.MoveToOuterDisposeScope() : null);
    }

    /// <summary>
    /// The probe's forward without gradients, reduced to statistics, keeping the network output and
    /// every captured layer output alive in the caller's dispose scope (a recycle reuses them).
    /// </summary>
    public static ProbeCapture Capture(IRecyclableNetwork net, Tensor probe)
    {
        var captured = new Dictionary<string, Tensor>();
        Tensor output;
        using (var _ = no_grad())
            output = net.ForwardCapturing(probe, captured).detach();
        return new ProbeCapture(Reduce(net.Spec, captured), output, captured);
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
    /// the activation part of the CBP utility, as the reference's estimate_neuron_score(is_cbp) (paper Fig. 25; docs/specs/redo-algorithm.md §2.3).
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

/// <summary>One probe forward: the scored layers' statistics, the detached network output and the captured layer outputs.</summary>
public sealed record ProbeCapture(ActivationStatistics Statistics, Tensor Output, IReadOnlyDictionary<string, Tensor> Layers);
