using ReDo.Recycling.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// The per-parameter optimizer state ReDo edits: moment buffers shaped like the parameter (views
/// into the optimizer's flat moments, so in-place edits under no_grad take effect at the next
/// step), and the step count. Found by parameter handle.
/// </summary>
public sealed class OptimizerMoments(FlatOptimizer optimizer)
{
    /// <summary>Moment buffers of a parameter (Adam: exp_avg, exp_avg_sq; RMSprop: square_avg, momentum, grad_avg).</summary>
    public IEnumerable<Tensor> Buffers(Parameter parameter) => optimizer.Buffers(Index(parameter));

    public long Step(Parameter parameter) => optimizer.StepCount(Index(parameter));

    public void ResetStep(Parameter parameter) => optimizer.ResetStepCount(Index(parameter));

    int Index(Parameter parameter)
    {
        int i = optimizer.Flat.IndexOf(parameter);
        return i >= 0 ? i : throw new ArgumentException("this parameter is not managed by the optimizer (was the optimizer built before moving the network to its device?)");
    }
}
