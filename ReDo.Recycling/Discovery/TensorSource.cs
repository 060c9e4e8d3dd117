using ReDo.Pure.Networks;

namespace ReDo.Recycling.Discovery;

/// <summary>
/// Where a tensor seen in a traced forward comes from: the network input or a weighted layer's output,
/// before or after that layer's activation, flattened on the way or not.
/// </summary>
public sealed record TensorSource(string Layer, bool Activated, FlattenSpec? Flatten = null)
{
    public bool IsInput => Layer == NetworkSpec.InputName;
    public static TensorSource Input { get; } = new(NetworkSpec.InputName, true);
}
