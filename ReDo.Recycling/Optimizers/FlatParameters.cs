using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>
/// Parameters and their gradients as views into one contiguous buffer each (the fused
/// optimizer, docs/performance.md): every parameter keeps its identity (modules, <c>OptimizerMoments</c> and
/// checkpoints still find it), but its storage is a slice of <see cref="Values"/> and its gradient a
/// slice of <see cref="Gradients"/>, so an optimizer updates the whole network in a handful of ops.
/// Autograd accumulates into an existing gradient in place, so the views stay the gradients.
/// </summary>
public sealed class FlatParameters : IDisposable
{
    readonly long[] _offsets;

    public IReadOnlyList<Parameter> Parameters { get; }
    /// <summary>All parameters, flat, in the order given (float32).</summary>
    public Tensor Values { get; }
    /// <summary>All gradients, flat, in the same order.</summary>
    public Tensor Gradients { get; }
    public long Count { get; }

    public FlatParameters(IEnumerable<Parameter> parameters)
    {
        Parameters = [.. parameters];
        if (Parameters.Count == 0) throw new ArgumentException("an optimizer needs at least one parameter");
        if (Parameters.Select(p => p.Handle).Distinct().Count() != Parameters.Count)
            throw new ArgumentException("a parameter is listed twice");
        foreach (var p in Parameters)
            if (p.dtype != ScalarType.Float32 || p.device_type != DeviceType.CPU)
                throw new NotSupportedException($"the flat optimizer takes float32 CPU parameters, not {p.dtype} on {p.device_type}");
        _offsets = new long[Parameters.Count + 1];
        for (int i = 0; i < Parameters.Count; i++) _offsets[i + 1] = _offsets[i] + Parameters[i].numel();
        Count = _offsets[^1];

        using var _ = no_grad();
        Values = empty(Count, ScalarType.Float32).DetachFromDisposeScope();
        Gradients = zeros(Count, ScalarType.Float32).DetachFromDisposeScope();
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            using (var slot = View(Values, i)) { slot.copy_(p); p.set_(slot); }
            using var gradient = View(Gradients, i);
            p.grad = gradient; // the parameter holds its own reference to the view
        }
    }

    /// <summary>Parameter i's slice of a flat tensor shaped like the parameter (a view: writes go through). The caller owns it.</summary>
    public Tensor View(Tensor flat, int i)
    {
        using var slice = flat.narrow(0, _offsets[i], _offsets[i + 1] - _offsets[i]);
        return slice.view(Parameters[i].shape).DetachFromDisposeScope();
    }

    public int IndexOf(Parameter parameter)
    {
        for (int i = 0; i < Parameters.Count; i++)
            if (Parameters[i].Handle == parameter.Handle) return i;
        return -1;
    }

    /// <summary>Zeroes every gradient in one op (the views stay attached).</summary>
    public void ZeroGradients() => Gradients.zero_();

    public void Dispose()
    {
        Values.Dispose();
        Gradients.Dispose();
    }
}
