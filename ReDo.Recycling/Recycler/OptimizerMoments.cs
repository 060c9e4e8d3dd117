using ReDo.Recycling.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// The per-parameter optimizer state ReDo edits: moment buffers shaped like the parameter (edited in
/// place under no_grad, so the next step sees them) and the step count, found by parameter handle.
/// Built from the project's flat optimizers or from TorchSharp's <c>torch.optim</c> Adam, AdamW,
/// RMSprop and SGD; any other optimizer is refused when this is built, never skipped during a recycle.
/// </summary>
public sealed class OptimizerMoments
{
    readonly IParameterStates _states;

    OptimizerMoments(IParameterStates states) => _states = states;

    /// <summary>The state of one of the project's flat optimizers (views into its flat moments).</summary>
    public OptimizerMoments(FlatOptimizer optimizer) : this(new FlatOptimizerStates(optimizer ?? throw new ArgumentNullException(nameof(optimizer)))) { }

    /// <summary>The state of TorchSharp's Adam, AdamW, RMSprop (centered or not) or SGD (with or without momentum).</summary>
    /// <exception cref="NotSupportedException">Another optimizer: ReDo would not know which buffers to zero.</exception>
    public OptimizerMoments(optim.Optimizer optimizer) : this(TorchOptimizerStates.For(optimizer ?? throw new ArgumentNullException(nameof(optimizer)))) { }

    /// <summary>
    /// Training that keeps no optimizer state (plain SGD written out): nothing to zero. Say so with this
    /// rather than leaving the optimizer out; the recycler refuses a missing one.
    /// </summary>
    public static OptimizerMoments None { get; } = new(new NoParameterStates());

    /// <summary>Moment buffers of a parameter (Adam, AdamW: exp_avg, exp_avg_sq[, max_exp_avg_sq]; RMSprop: square_avg, momentum_buffer, grad_avg; SGD: momentum_buffer), those that exist yet.</summary>
    public IEnumerable<Tensor> Buffers(Parameter parameter) => _states.Buffers(parameter);

    /// <summary>The parameter's step count (0 for an optimizer without one, as SGD).</summary>
    public long Step(Parameter parameter) => _states.Step(parameter);

    /// <summary>Sets the parameter's step count to 0 (timoklein/redo's reset; a no-op for SGD, which counts no steps).</summary>
    public void ResetStep(Parameter parameter) => _states.ResetStep(parameter);

    /// <summary>Which optimizer this state belongs to, for messages and reports.</summary>
    public string Describe() => _states.Name;
}
