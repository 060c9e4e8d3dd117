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
        var layers = net.Spec.ScoredLayers.Select(l =>
        {
            var a = captured[l.Name];
            long[] dims = l.Kind == LayerKind.Conv2d ? [0, 2, 3] : [0];
            var meanAbs = a.abs().mean(dims).to(ScalarType.Float64).cpu().data<double>().ToArray();
            return new LayerActivation(l.Name, meanAbs.ToValueList());
        }).ToValueList();
        return (new ActivationStatistics(layers), keepOutput ? output.detach().MoveToOuterDisposeScope() : null);
    }
}
