using TorchSharp.Modules;
using TorchAdam = TorchSharp.Modules.Adam;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>
/// TorchSharp's own optimizers, reached through their public state: <c>state_dict().State</c> lists the
/// live per-parameter state objects (not copies) in parameter-group order, and each state class names its
/// buffers (<c>Adam.State.exp_avg</c>, <c>RMSProp.State.square_avg</c>, <c>SGD.State.momentum_buffer</c>, …).
/// Their steps update those tensors in place, so zeroing entries of them reaches the next step. A buffer a
/// step has not created yet (SGD's momentum before its first step) holds nothing to zero.
/// </summary>
sealed class TorchOptimizerStates : IParameterStates
{
    readonly Dictionary<nint, OptimizerState> _byParameter = [];

    public string Name { get; }

    TorchOptimizerStates(OptimizerHelper optimizer)
    {
        Name = optimizer.GetType().Name;
        var states = optimizer.state_dict().State;
        var parameters = optimizer.ParamGroups.Cast<ParamGroup>().SelectMany(g => g.Parameters).ToList();
        if (parameters.Count != states.Count)
            throw new NotSupportedException($"{Name} lists {parameters.Count} parameters but {states.Count} states; ReDo cannot tell which state is whose");
        for (int i = 0; i < parameters.Count; i++) _byParameter[parameters[i].Handle] = states[i];
    }

    public static IParameterStates For(optim.Optimizer optimizer) => optimizer switch
    {
        TorchAdam or AdamW or RMSProp or SGD => new TorchOptimizerStates((OptimizerHelper)optimizer),
        _ => throw new NotSupportedException(
            $"ReDo cannot zero the state of {optimizer.GetType().Name}: supported are TorchSharp's Adam, AdamW, RMSprop and SGD, " +
            "and the flat Adam and RMSprop of ReDo.Recycling.Optimizers. Use one of those, or pass OptimizerMoments.None if your training keeps no optimizer state."),
    };

    public IEnumerable<Tensor> Buffers(Parameter parameter)
    {
        Tensor?[] buffers = State(parameter) switch
        {
            TorchAdam.State s => [s.exp_avg, s.exp_avg_sq, s.max_exp_avg_sq],
            AdamW.State s => [s.exp_avg, s.exp_avg_sq, s.max_exp_avg_sq],
            RMSProp.State s => [s.square_avg, s.momentum_buffer, s.grad_avg],
            SGD.State s => [s.momentum_buffer],
            var s => throw new NotSupportedException($"unexpected {Name} state {s.GetType().Name}"),
        };
        return buffers.Where(b => b is not null && !b.IsInvalid).Select(b => b!);
    }

    public long Step(Parameter parameter) => State(parameter) switch
    {
        TorchAdam.State s => s.step,
        AdamW.State s => s.step,
        RMSProp.State s => s.step,
        _ => 0,
    };

    public void ResetStep(Parameter parameter)
    {
        switch (State(parameter))
        {
            case TorchAdam.State s: s.step = 0; break;
            case AdamW.State s: s.step = 0; break;
            case RMSProp.State s: s.step = 0; break;
        }
    }

    OptimizerState State(Parameter parameter) =>
        _byParameter.TryGetValue(parameter.Handle, out var state) ? state
            : throw new ArgumentException($"this parameter is not managed by the {Name} optimizer (build the optimizer from the same module's parameters, after moving it to its device)");
}
