using ReDo.Pure.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Shell.Networks;

/// <summary>
/// A live TorchSharp network that ReDo can score and recycle: its spec, its layers' parameters by
/// spec name, and a forward pass that can also hand out post-activation outputs.
/// </summary>
public interface IRecyclableNetwork
{
    NetworkSpec Spec { get; }
    Parameter Weight(string layer);
    Parameter Bias(string layer);
    Tensor Forward(Tensor input);

    /// <summary>Forward pass that also stores the post-activation output of every scored layer in <paramref name="activations"/>.</summary>
    Tensor ForwardCapturing(Tensor input, IDictionary<string, Tensor> activations);

    /// <summary>All trainable parameters, in the order an optimizer built from them sees them.</summary>
    IEnumerable<Parameter> Parameters();
}
