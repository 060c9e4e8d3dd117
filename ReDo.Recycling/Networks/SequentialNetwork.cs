using ReDo.Pure.Collections;
using ReDo.Pure.Networks;
using ReDo.Recycling.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

/// <summary>
/// Makes a user's own <see cref="Sequential"/> of Conv2d / Linear / ReLU / Flatten recyclable: the
/// spec is inferred from the modules (names = the Sequential's child names), and activations are
/// captured by forward hooks on the ReLU that follows each hidden layer (Sequential invokes its
/// children through call(), so hooks fire). The last weighted layer is the output layer. For anything
/// wider (other activations, no bias, LayerNorm, pooling, Module subclasses) use <see cref="ModuleNetwork"/>.
/// </summary>
public sealed class SequentialNetwork : IRecyclableNetwork, IDisposable
{
    readonly Sequential _sequential;
    readonly Dictionary<string, (Parameter Weight, Parameter Bias)> _parameters = [];
    readonly List<Action> _removeHooks = [];
    IDictionary<string, Tensor>? _capture;

    public NetworkSpec Spec { get; }

    /// <param name="inputShape">One sample's shape, without the batch axis ([C, H, W] or [F]).</param>
    /// <param name="init">How the modules were initialised (TorchSharp's default unless you re-initialised them): recycled weights are redrawn from it.</param>
    public SequentialNetwork(Sequential sequential, IReadOnlyList<int> inputShape, string name = "sequential", Initializer init = Initializer.TorchDefault)
    {
        _sequential = sequential;
        var layers = new List<LayerSpec>();
        var shape = inputShape.ToArray();
        string producer = NetworkSpec.InputName;
        FlattenSpec? pendingFlatten = null;
        foreach (var (childName, child) in sequential.named_children())
        {
            switch (child)
            {
                case Conv2d conv:
                {
                    if (shape.Length != 3) throw Unsupported(childName, "a Conv2d must read a [C,H,W] map");
                    if (conv.groups != 1 || conv.dilation.Any(d => d != 1)) throw Unsupported(childName, "grouped or dilated convolutions are not supported");
                    if (conv.bias is null) throw Unsupported(childName, "layers without bias are not supported");
                    var padding = ConvPadding(conv, shape);
                    var spec = new LayerSpec(childName, LayerKind.Conv2d, (int)conv.in_channels, (int)conv.out_channels, Activation.Identity, LayerRole.Hidden, producer,
                        (int)conv.kernel_size[0], (int)conv.kernel_size[1], (int)conv.stride[0], (int)conv.stride[1], padding);
                    layers.Add(spec);
                    _parameters[childName] = (conv.weight!, conv.bias);
                    shape = [spec.Neurons, (shape[1] + padding.Top + padding.Bottom - spec.KernelH) / spec.StrideH + 1, (shape[2] + padding.Left + padding.Right - spec.KernelW) / spec.StrideW + 1];
                    producer = childName;
                    break;
                }
                case Linear linear:
                {
                    if (linear.bias is null) throw Unsupported(childName, "layers without bias are not supported");
                    if (shape.Length != 1) throw Unsupported(childName, "a Linear must read a flat input; put a Flatten before it");
                    layers.Add(LayerSpec.Linear(childName, (int)linear.in_features, (int)linear.out_features, Activation.Identity, LayerRole.Hidden, producer, pendingFlatten));
                    _parameters[childName] = (linear.weight!, linear.bias);
                    pendingFlatten = null;
                    shape = [(int)linear.out_features];
                    producer = childName;
                    break;
                }
                case ReLU relu:
                {
                    if (layers.Count == 0 || layers[^1].Activation != Activation.Identity || producer != layers[^1].Name)
                        throw Unsupported(childName, "a ReLU must directly follow a Conv2d or Linear");
                    layers[^1] = layers[^1] with { Activation = Activation.Relu };
                    var layerName = layers[^1].Name;
                    var remover = relu.register_forward_hook((_, _, output) => { /* Sequential disposes intermediates: keep our own handle. */ _capture?.Add(layerName, output.detach()); return null!; });
                    _removeHooks.Add(() => remover.remove());
                    break;
                }
                case Flatten:
                    if (shape.Length != 3) throw Unsupported(childName, "Flatten is supported on [C,H,W] maps only");
                    pendingFlatten = new FlattenSpec(shape[0], shape[1], shape[2]);
                    shape = [pendingFlatten.Features];
                    break;
                default:
                    throw Unsupported(childName, $"{child.GetType().Name} is not supported (supported: Conv2d, Linear, ReLU, Flatten)");
            }
        }
        if (layers.Count == 0) throw new ArgumentException("the Sequential has no Conv2d or Linear layer");
        if (layers[^1].Activation != Activation.Identity) throw new ArgumentException("the last weighted layer is the output layer and must not be followed by a ReLU");
        layers[^1] = layers[^1] with { Role = LayerRole.Output };
        foreach (var hidden in layers.Where(l => l.Role == LayerRole.Hidden && l.Activation == Activation.Identity))
            throw Unsupported(hidden.Name, "hidden layers must be followed by a ReLU (their post-activation output is scored)");
        Spec = new NetworkSpec(name, new InputSpec(inputShape.ToValueList()), layers.ToValueList()).WithInitializer(init);
        NetworkGeometry.OutputShapes(Spec);
        if (Spec.HasConvolution) Nnpack.TurnOff();   // as SpecNetwork: a user's own conv model gets the same kernel and no per-call warning
    }

    public Parameter Weight(string layer) => Find(layer).Weight;
    public Parameter Bias(string layer) => Find(layer).Bias;
    public Tensor Forward(Tensor input) => _sequential.call(input);
    public IEnumerable<Parameter> Parameters() => _sequential.parameters();

    public Tensor ForwardCapturing(Tensor input, IDictionary<string, Tensor> activations)
    {
        _capture = activations;
        try { return _sequential.call(input); }
        finally { _capture = null; }
    }

    public void Dispose()
    {
        foreach (var remove in _removeHooks) remove();
    }

    (Parameter Weight, Parameter Bias) Find(string layer) =>
        _parameters.TryGetValue(layer, out var p) ? p : throw new ArgumentException($"the Sequential has no weighted layer '{layer}'");

    static Padding2d ConvPadding(Conv2d conv, int[] inputShape)
    {
        if (conv.padding_type == TorchSharp.Padding.Same)
        {
            // PyTorch 'same' (stride 1): total k−1, the extra unit after.
            int th = (int)conv.kernel_size[0] - 1, tw = (int)conv.kernel_size[1] - 1;
            return new Padding2d(th / 2, th - th / 2, tw / 2, tw - tw / 2);
        }
        if (conv.padding_type == TorchSharp.Padding.Valid || conv.padding is null) return Padding2d.Valid;
        int ph = (int)conv.padding[0], pw = (int)conv.padding[conv.padding.Length > 1 ? 1 : 0];
        return new Padding2d(ph, ph, pw, pw);
    }

    static ArgumentException Unsupported(string child, string why) => new($"module '{child}': {why}");
}
