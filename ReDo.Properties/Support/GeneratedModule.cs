using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Properties;

/// <summary>
/// A <see cref="ModuleCase"/> as a real <c>nn.Module</c> subclass whose forward calls its submodules by hand
/// (no Sequential), as a user's dueling or actor–critic network does. <see cref="Expected"/> is the spec ReDo
/// should discover in it: which layer feeds which, each layer's activation, bias and flatten.
/// </summary>
public sealed class GeneratedModule : nn.Module<Tensor, Tensor>
{
    readonly Conv2d? _conv;
    readonly nn.Module<Tensor, Tensor>? _convActivation;
    readonly MaxPool2d? _pool;
    readonly Flatten? _flatten;
    readonly List<(Linear Layer, nn.Module<Tensor, Tensor> Activation)> _trunk = [];
    readonly Dropout? _dropout;
    readonly List<(Linear? Hidden, nn.Module<Tensor, Tensor>? Activation, Linear Output)> _heads = [];

    public NetworkSpec Expected { get; }
    public ModuleCase Case { get; }

    public GeneratedModule(ModuleCase c) : base("generated")
    {
        Case = c;
        var layers = new List<LayerSpec>();
        int bias = 0;
        bool NextBias() => c.Biases[bias++ % c.Biases.Length];
        string previous = NetworkSpec.InputName;
        long width = c.Features;
        FlattenSpec? flatten = null;
        if (c.Conv)
        {
            bool hasBias = NextBias();
            _conv = nn.Conv2d(c.Channels, c.ConvWidth, c.Kernel, bias: hasBias);
            _convActivation = Make(c.TrunkActivations[2]);
            int side = c.Size - c.Kernel + 1;
            if (c.Pool) { _pool = nn.MaxPool2d(2); side /= 2; }
            _flatten = nn.Flatten();
            register_module("conv", _conv);
            register_module("conv_act", _convActivation);
            if (_pool is not null) register_module("pool", _pool);
            register_module("flatten", _flatten);
            layers.Add(new LayerSpec("conv", LayerKind.Conv2d, c.Channels, c.ConvWidth, c.TrunkActivations[2], LayerRole.Hidden, previous, c.Kernel, c.Kernel, HasBias: hasBias));
            previous = "conv";
            flatten = new FlattenSpec(c.ConvWidth, side, side);
            width = flatten.Features;
        }
        nn.Module<Tensor, Tensor>? shared = c.SharedActivation ? Make(c.TrunkActivations[0]) : null;
        if (shared is not null) register_module("trunk_act", shared);
        for (int i = 0; i < c.Trunk.Length; i++)
        {
            bool hasBias = NextBias();
            var linear = nn.Linear(width, c.Trunk[i], hasBias: hasBias);
            var activation = shared ?? Make(c.TrunkActivations[i]);
            register_module($"trunk{i}", linear);
            if (shared is null) register_module($"trunk{i}_act", activation);
            _trunk.Add((linear, activation));
            layers.Add(LayerSpec.Linear($"trunk{i}", (int)width, c.Trunk[i], c.TrunkActivations[i], LayerRole.Hidden, previous, i == 0 ? flatten : null) with { HasBias = hasBias });
            previous = $"trunk{i}";
            width = c.Trunk[i];
        }
        if (c.Dropout) { _dropout = nn.Dropout(0.5); register_module("dropout", _dropout); }
        string trunkOut = previous;
        for (int h = 0; h < c.HeadOutputs.Length; h++)
        {
            Linear? hidden = null;
            nn.Module<Tensor, Tensor>? activation = null;
            string input = trunkOut;
            long headWidth = width;
            if (c.HeadHidden[h] > 0)
            {
                bool hasBias = NextBias();
                hidden = nn.Linear(width, c.HeadHidden[h], hasBias: hasBias);
                activation = Make(c.HeadActivations[h]);
                register_module($"head{h}_hidden", hidden);
                register_module($"head{h}_act", activation);
                layers.Add(LayerSpec.Linear($"head{h}_hidden", (int)width, c.HeadHidden[h], c.HeadActivations[h], LayerRole.Hidden, trunkOut) with { HasBias = hasBias });
                input = $"head{h}_hidden";
                headWidth = c.HeadHidden[h];
            }
            bool outBias = NextBias();
            var output = nn.Linear(headWidth, c.HeadOutputs[h], hasBias: outBias);
            register_module($"head{h}_out", output);
            layers.Add(LayerSpec.Linear($"head{h}_out", (int)headWidth, c.HeadOutputs[h], Activation.Identity, LayerRole.Output, input) with { HasBias = outBias });
            _heads.Add((hidden, activation, output));
        }
        Expected = new NetworkSpec("generated", new InputSpec(InputShape), [.. layers]);
    }

    public ReDo.Pure.Collections.ValueList<int> InputShape => Case.Conv ? [Case.Channels, Case.Size, Case.Size] : [Case.Features];

    public override Tensor forward(Tensor x)
    {
        if (_conv is not null)
        {
            x = _convActivation!.call(_conv.call(x));
            if (_pool is not null) x = _pool.call(x);
            x = _flatten!.call(x);
        }
        foreach (var (layer, activation) in _trunk) x = activation.call(layer.call(x));
        if (_dropout is not null) x = _dropout.call(x);
        var outputs = _heads.Select(h => h.Output.call(h.Hidden is null ? x : h.Activation!.call(h.Hidden.call(x)))).ToList();
        return outputs.Count == 1 ? outputs[0] : cat(outputs, 1);
    }

    static nn.Module<Tensor, Tensor> Make(Activation a) => a switch
    {
        Activation.Relu => nn.ReLU(),
        Activation.LeakyRelu => nn.LeakyReLU(0.01),
        Activation.Gelu => nn.GELU(),
        Activation.Silu => nn.SiLU(),
        Activation.Elu => nn.ELU(),
        Activation.Tanh => nn.Tanh(),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };
}
