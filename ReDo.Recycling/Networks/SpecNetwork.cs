using ReDo.Pure.Networks;
using TorchSharp;
using ReDo.Recycling.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Networks;

/// <summary>
/// A TorchSharp module built from a <see cref="NetworkSpec"/>: one Conv2d/Linear per layer,
/// registered under the spec's layer name (parameters are "Conv_0.weight" …), with asymmetric
/// SAME padding done by an explicit pad, NCHW flatten, and single or dueling output.
/// </summary>
public sealed class SpecNetwork : nn.Module<Tensor, Tensor>, IRecyclableNetwork
{
    readonly Dictionary<string, (nn.Module<Tensor, Tensor> Module, Parameter Weight, Parameter Bias)> _layers = [];

    readonly Scalar? _inputScale;   // owned: no implicit Scalar per forward (docs/torch-rules.md)

    public NetworkSpec Spec { get; }

    public SpecNetwork(NetworkSpec spec) : base(spec.Name)
    {
        NetworkGeometry.OutputShapes(spec); // throws with every inconsistency named
        Spec = spec;
        if (spec.HasConvolution) Nnpack.TurnOff();   // one conv kernel on every CPU, no per-call warning
        if (spec.Input.Scale != 1.0) _inputScale = spec.Input.Scale.ToScalar();
        foreach (var l in spec.Layers)
        {
            if (l.Kind == LayerKind.Linear)
            {
                var linear = nn.Linear(l.InputUnits, l.Neurons);
                register_module(l.Name, linear);
                _layers[l.Name] = (linear, linear.weight!, linear.bias!);
            }
            else
            {
                // Symmetric padding goes into the conv; asymmetric padding is applied in forward.
                var p = l.Padding.IsSymmetric ? l.Padding : Padding2d.Valid;
                var conv = nn.Conv2d(l.InputUnits, l.Neurons, (l.KernelH, l.KernelW), stride: (l.StrideH, l.StrideW), padding: (p.Top, p.Left));
                register_module(l.Name, conv);
                _layers[l.Name] = (conv, conv.weight!, conv.bias!);
            }
        }
    }

    public Parameter Weight(string layer) => Find(layer).Weight;
    public Parameter Bias(string layer) => Find(layer).Bias;
    public Tensor Forward(Tensor input) => forward(input);
    public override Tensor forward(Tensor input) => Run(input, null, null);
    public Tensor ForwardCapturing(Tensor input, IDictionary<string, Tensor> activations) => Run(input, activations, null);
    public Tensor ForwardReusing(Tensor input, IReadOnlyDictionary<string, Tensor> known) => Run(input, null, known);
    public IEnumerable<Parameter> Parameters() => parameters();

    (nn.Module<Tensor, Tensor> Module, Parameter Weight, Parameter Bias) Find(string layer) =>
        _layers.TryGetValue(layer, out var found) ? found : throw new ArgumentException($"network '{Spec.Name}' has no layer '{layer}'");

    Tensor Run(Tensor input, IDictionary<string, Tensor>? capture, IReadOnlyDictionary<string, Tensor>? known)
    {
        var outputs = new Dictionary<string, Tensor>(Spec.Layers.Count + 1);
        foreach (var l in Spec.Layers)
        {
            if (known is not null && known.TryGetValue(l.Name, out var given))
            {
                outputs[l.Name] = given;
                continue;
            }
            if (!outputs.TryGetValue(l.Input, out var x))   // only the input is read before it is set; scaled once, and not at all when reuse skips its readers
                outputs[l.Input] = x = _inputScale is null ? input : input.mul(_inputScale);
            if (l.Flatten is not null) x = x.flatten(1);
            if (l.Kind == LayerKind.Conv2d && !l.Padding.IsSymmetric)
                x = nn.functional.pad(x, [l.Padding.Left, l.Padding.Right, l.Padding.Top, l.Padding.Bottom]);
            var y = _layers[l.Name].Module.call(x);
            if (l.Activation == Activation.Relu) y = nn.functional.relu(y);
            outputs[l.Name] = y;
            if (capture is not null && Spec.IsScored(l)) capture[l.Name] = y;
        }
        if (Spec.Head == OutputHead.Dueling)
        {
            var value = outputs["Value"];
            var advantage = outputs["Advantage"];
            return value.add(advantage - advantage.mean([1], keepdim: true), Scalars.One);
        }
        return outputs[Spec.OutputLayers.Single().Name];
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inputScale?.Dispose();
        base.Dispose(disposing);
    }
}
