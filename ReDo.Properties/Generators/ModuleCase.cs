using FsCheck;
using FsCheck.Fluent;
using ReDo.Pure.Networks;

namespace ReDo.Properties.Generators;

/// <summary>The optimizers a generated module trains with: TorchSharp's own and the project's flat ones.</summary>
public enum OptimizerChoice { TorchAdam, TorchAdamW, TorchRmsProp, TorchRmsPropCentered, TorchSgdMomentum, FlatAdam, FlatRmsProp }

/// <summary>
/// A random non-Sequential module (<see cref="GeneratedModule"/>): an optional conv stem (Conv2d → activation →
/// optional MaxPool2d → Flatten), a trunk of 1–2 Linear layers, and 1–2 heads reading the trunk (two heads are
/// concatenated, as an actor–critic or a dueling pair), each head optionally with its own hidden layer. Every
/// hidden layer has a random activation of the six ReDo knows and a random bias or none; Dropout may follow.
/// </summary>
public sealed record ModuleCase(
    int Seed, bool Conv, int Channels, int Size, int ConvWidth, int Kernel, bool Pool, int Features,
    int[] Trunk, Activation[] TrunkActivations, bool SharedActivation, bool Dropout,
    int[] HeadHidden, Activation[] HeadActivations, int[] HeadOutputs, bool[] Biases, OptimizerChoice Optimizer)
{
    /// <summary>How many moment buffers the optimizer keeps per parameter once it has stepped (read off TorchSharp's state classes and the flat optimizers, independently of the library).</summary>
    public int MomentBuffers => Optimizer switch
    {
        OptimizerChoice.TorchAdam or OptimizerChoice.TorchAdamW or OptimizerChoice.FlatAdam => 2,   // exp_avg, exp_avg_sq (no AMSGrad)
        OptimizerChoice.TorchRmsProp or OptimizerChoice.TorchRmsPropCentered or OptimizerChoice.FlatRmsProp => 3,   // square_avg, momentum_buffer, grad_avg
        OptimizerChoice.TorchSgdMomentum => 1,   // momentum_buffer
        _ => throw new ArgumentOutOfRangeException(nameof(Optimizer)),
    };

    public static readonly Activation[] Activations = [Activation.Relu, Activation.LeakyRelu, Activation.Gelu, Activation.Silu, Activation.Elu, Activation.Tanh];

    public override string ToString() =>
        $"seed={Seed} {(Conv ? $"conv in=[{Channels},{Size},{Size}] w{ConvWidth} k{Kernel}{(Pool ? " pool" : "")}" : $"in={Features}")} trunk=[{string.Join(",", Trunk)}] " +
        $"acts=[{string.Join(",", TrunkActivations)}]{(SharedActivation ? " shared" : "")}{(Dropout ? " dropout" : "")} heads=[{string.Join(",", HeadOutputs.Select((o, i) => $"{HeadHidden[i]}/{HeadActivations[i]}→{o}"))}] " +
        $"bias=[{string.Join(",", Biases.Select(b => b ? 1 : 0))}] {Optimizer}";
}

public static class ModuleCases
{
    public static Arbitrary<ModuleCase> Any() => Gen().ToArbitrary();

    static Gen<ModuleCase> Gen() =>
        from seed in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
        from conv in FsCheck.Fluent.Gen.Elements(false, true)
        from channels in FsCheck.Fluent.Gen.Choose(1, 3)
        from size in FsCheck.Fluent.Gen.Choose(4, 6)
        from convWidth in FsCheck.Fluent.Gen.Choose(1, 4)
        from kernel in FsCheck.Fluent.Gen.Choose(1, 3)
        from pool in FsCheck.Fluent.Gen.Elements(false, true)
        from features in FsCheck.Fluent.Gen.Choose(1, 6)
        from depth in FsCheck.Fluent.Gen.Choose(1, 2)
        from trunk in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(1, 6), depth)
        from trunkActs in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements(ModuleCase.Activations), 3)
        from shared in FsCheck.Fluent.Gen.Elements(false, true)
        from dropout in FsCheck.Fluent.Gen.Elements(false, true)
        from heads in FsCheck.Fluent.Gen.Choose(1, 2)
        from headHidden in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, 4), heads)
        from headActs in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements(ModuleCase.Activations), heads)
        from headOutputs in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(1, 3), heads)
        from biases in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements(true, true, false), 8)
        from optimizer in FsCheck.Fluent.Gen.Elements(Enum.GetValues<OptimizerChoice>())
        select new ModuleCase(seed, conv, channels, size, convWidth, kernel, pool && size - kernel + 1 >= 2, features,
            trunk, shared ? [.. Enumerable.Repeat(trunkActs[0], 3)] : trunkActs, shared, dropout, headHidden, headActs, headOutputs, biases, optimizer);
}
