using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>One optimizer's per-parameter state, as the recycler's OptimizerMoments reaches it.</summary>
interface IParameterStates
{
    string Name { get; }
    IEnumerable<Tensor> Buffers(Parameter parameter);
    long Step(Parameter parameter);
    void ResetStep(Parameter parameter);
}

/// <summary>Training without optimizer state (OptimizerMoments.None): nothing to zero.</summary>
sealed class NoParameterStates : IParameterStates
{
    public string Name => "no optimizer state";
    public IEnumerable<Tensor> Buffers(Parameter parameter) => [];
    public long Step(Parameter parameter) => 0;
    public void ResetStep(Parameter parameter) { }
}
