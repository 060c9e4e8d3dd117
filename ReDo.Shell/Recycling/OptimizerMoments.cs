using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Shell.Recycling;

/// <summary>
/// The per-parameter optimizer state ReDo edits: moment buffers shaped like the parameter, and the
/// step count. Found by parameter handle through the optimizer's own state objects, which it
/// keeps using (edits under no_grad take effect at the next step).
/// </summary>
public sealed class OptimizerMoments
{
    readonly Dictionary<IntPtr, OptimizerState> _states = [];

    public OptimizerMoments(optim.Optimizer optimizer)
    {
        if (optimizer is not OptimizerHelper helper)
            throw new ArgumentException($"optimizer {optimizer.GetType().Name} does not expose its state");
        var parameters = optimizer.parameters().ToList();
        var states = helper.state_dict().State;
        if (parameters.Count != states.Count)
            throw new InvalidOperationException($"optimizer lists {parameters.Count} parameters but {states.Count} states");
        for (int i = 0; i < parameters.Count; i++)
        {
            if (states[i] is not (Adam.State or RMSProp.State))
                throw new NotSupportedException($"moment reset supports Adam and RMSprop, not {states[i].GetType().DeclaringType?.Name}");
            _states[parameters[i].Handle] = states[i];
        }
    }

    /// <summary>Moment buffers of a parameter (Adam: exp_avg, exp_avg_sq, max_exp_avg_sq if amsgrad; RMSprop: square_avg, momentum, grad_avg).</summary>
    public IEnumerable<Tensor> Buffers(Parameter parameter)
    {
        switch (State(parameter))
        {
            case Adam.State a:
                yield return a.exp_avg;
                yield return a.exp_avg_sq;
                if (a.max_exp_avg_sq is not null) yield return a.max_exp_avg_sq; // replaced every step: read now
                break;
            case RMSProp.State r:
                yield return r.square_avg;
                if (r.momentum_buffer is not null) yield return r.momentum_buffer;
                if (r.grad_avg is not null) yield return r.grad_avg;
                break;
        }
    }

    public long Step(Parameter parameter) => State(parameter) switch
    {
        Adam.State a => a.step,
        RMSProp.State r => r.step,
        _ => 0,
    };

    public void ResetStep(Parameter parameter)
    {
        switch (State(parameter))
        {
            case Adam.State a: a.step = 0; break;
            case RMSProp.State r: r.step = 0; break;
        }
    }

    OptimizerState State(Parameter parameter) =>
        _states.TryGetValue(parameter.Handle, out var s) ? s
        : throw new ArgumentException("this parameter is not managed by the optimizer (was the optimizer built before moving the network to its device?)");
}
