using ReDo.Pure.Collections;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>Copies a live network's parameters and optimizer state into the core's plain-data form.</summary>
public static class NetworkStateReader
{
    public static NetworkState Read(IRecyclableNetwork net, OptimizerMoments? moments) =>
        new(net.Spec.Layers.Select(l => new LayerState(
            l.Name,
            Values(net.Weight(l.Name)),
            Values(net.Bias(l.Name)),
            Moments(net.Weight(l.Name), moments),
            Moments(net.Bias(l.Name), moments))).ToValueList());

    public static ValueList<float> Values(Tensor? t)
    {
        if (t is null) return ValueList<float>.Empty;   // a layer without bias
        using var scope = NewDisposeScope();
        return t.detach().to(ScalarType.Float32).contiguous().cpu().data<float>().ToArray().ToValueList();   // the core holds float32
    }

    static ParameterMoments Moments(Parameter? p, OptimizerMoments? moments) =>
        moments is null || p is null
            ? new ParameterMoments(ValueList<ValueList<float>>.Empty, 0)
            : new ParameterMoments(moments.Buffers(p).Select(Values).ToValueList(), moments.Step(p));
}
