using ReDo.Pure.Collections;

namespace ReDo.Pure.Networks;

/// <summary>How the output layers make the network output.</summary>
public enum OutputHead
{
    /// <summary>The single output layer's values are the Q-values.</summary>
    Single,
    /// <summary>Q = V + (A − mean A) from the output layers named "Value" (1 unit) and "Advantage".</summary>
    Dueling,
}

/// <summary>
/// The network input: shape without the batch axis ([C, H, W] or [F]) and a scale applied first
/// (1/255 for uint8 Atari frames, as Dopamine does inside the network).
/// </summary>
public sealed record InputSpec(ValueList<int> Shape, double Scale = 1.0)
{
    public static InputSpec Image(int channels, int height, int width, double scale = 1.0) => new(ValueList.Of(channels, height, width), scale);
    public static InputSpec Vector(int features, double scale = 1.0) => new(ValueList.Of(features), scale);
}

/// <summary>
/// A network as ReDo sees it: its weighted layers in forward order, each naming its producer, so
/// that every layer's consumers (the next layer, or both dueling heads) are known.
/// </summary>
public sealed record NetworkSpec(string Name, InputSpec Input, ValueList<LayerSpec> Layers, OutputHead Head = OutputHead.Single)
{
    public const string InputName = "input";

    public LayerSpec Layer(string name) =>
        Layers.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException($"network '{Name}' has no layer '{name}'");

    /// <summary>Layers whose input is this layer's output (their weight columns are its outgoing weights).</summary>
    public IEnumerable<LayerSpec> ConsumersOf(string name) => Layers.Where(l => l.Input == name);

    /// <summary>
    /// Layers whose post-activation outputs are scored and counted in the logged dormant %: the hidden
    /// layers, and for a dueling network both heads too (their raw outputs). The reference skips only
    /// layers named final_layer, so DrQ(ε)'s heads are counted (docs/specs/redo-algorithm.md §1.4, docs/drq.md); scored heads are
    /// still never recycled (<see cref="RecyclableLayers"/>).
    /// </summary>
    public IEnumerable<LayerSpec> ScoredLayers => Layers.Where(IsScored);

    public bool IsScored(LayerSpec layer) => layer.Role == LayerRole.Hidden || Head == OutputHead.Dueling;

    /// <summary>Layers whose neurons may be recycled: never an output layer.</summary>
    public IEnumerable<LayerSpec> RecyclableLayers => Layers.Where(l => l.Role == LayerRole.Hidden);

    public IEnumerable<LayerSpec> OutputLayers => Layers.Where(l => l.Role == LayerRole.Output);

    public int ScoredNeuronCount => ScoredLayers.Sum(l => l.Neurons);

    /// <summary>Whether any layer is a convolution (the shell then turns libtorch's NNPACK off: ReDo.Recycling/Torch/Nnpack.cs).</summary>
    public bool HasConvolution => Layers.Any(l => l.Kind == LayerKind.Conv2d);

    /// <summary>The same network with every layer starting (and redrawn) from <paramref name="init"/>.</summary>
    public NetworkSpec WithInitializer(Initializer init) => this with { Layers = Layers.Select(l => l with { Init = init }).ToValueList() };
}
