using ReDo.Pure.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

/// <summary>
/// A live TorchSharp network that ReDo can score and recycle: its spec, its layers' parameters by
/// spec name, and a forward pass that can also hand out post-activation outputs.
/// </summary>
public interface IRecyclableNetwork
{
    NetworkSpec Spec { get; }
    Parameter Weight(string layer);
    /// <summary>The layer's bias, or null for a layer without one (<see cref="LayerSpec.HasBias"/>).</summary>
    Parameter? Bias(string layer);
    Tensor Forward(Tensor input);

    /// <summary>Forward pass that also stores the post-activation output of every scored layer in <paramref name="activations"/>.</summary>
    Tensor ForwardCapturing(Tensor input, IDictionary<string, Tensor> activations);

    /// <summary>
    /// Forward pass that takes the outputs of the layers named in <paramref name="known"/> as given
    /// instead of computing them (and so skips what only they need). The caller vouches that they are
    /// what this network would compute (<see cref="ReDo.Pure.Recycling.ProbeOutputReuse"/>). A network
    /// that cannot start mid-way computes everything, which is always correct.
    /// </summary>
    Tensor ForwardReusing(Tensor input, IReadOnlyDictionary<string, Tensor> known) => Forward(input);

    /// <summary>
    /// The LayerNorm over the layer's features, if one sits between it and its consumers: a recycled
    /// feature's gain and shift start again from the LayerNorm's own initial values (1 and 0).
    /// </summary>
    TorchSharp.Modules.LayerNorm? FeatureNorm(string layer) => null;

    /// <summary>All trainable parameters, in the order an optimizer built from them sees them.</summary>
    IEnumerable<Parameter> Parameters();
}
