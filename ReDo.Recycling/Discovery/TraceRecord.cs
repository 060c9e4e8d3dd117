using ReDo.Pure.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling.Discovery;

/// <summary>One run of a weighted module in a traced forward: where its input came from and the shapes it saw.</summary>
public sealed record LayerRun(string Name, nn.Module Module, TensorSource? Source, string? OpaqueSource, long[] InputShape, long[] OutputShape);

/// <summary>What one traced forward saw: the weighted layers in the order they ran, each layer's activation and LayerNorm modules, and what could not be followed.</summary>
public sealed class TraceRecord
{
    public List<LayerRun> Layers { get; } = [];
    public Dictionary<string, List<(string Module, Activation Kind)>> Activations { get; } = [];
    public Dictionary<string, List<string>> Norms { get; } = [];
    public List<string> Problems { get; } = [];

    public void AddActivation(string layer, string module, Activation kind) => ListOf(Activations, layer).Add((module, kind));
    public void AddNorm(string layer, string module) => ListOf(Norms, layer).Add(module);

    static List<T> ListOf<T>(Dictionary<string, List<T>> map, string key) => map.TryGetValue(key, out var list) ? list : map[key] = [];
}
