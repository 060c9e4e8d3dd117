using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>A flat optimizer's per-parameter state: views into its flat moments, and its step counts.</summary>
sealed class FlatOptimizerStates(FlatOptimizer optimizer) : IParameterStates
{
    public string Name => optimizer.GetType().Name;
    public IEnumerable<Tensor> Buffers(Parameter parameter) => optimizer.Buffers(Index(parameter));
    public long Step(Parameter parameter) => optimizer.StepCount(Index(parameter));
    public void ResetStep(Parameter parameter) => optimizer.ResetStepCount(Index(parameter));

    int Index(Parameter parameter)
    {
        int i = optimizer.Flat.IndexOf(parameter);
        return i >= 0 ? i : throw new ArgumentException("this parameter is not managed by the optimizer (was the optimizer built before moving the network to its device?)");
    }
}
