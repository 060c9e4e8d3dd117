using FsCheck;
using FsCheck.Fluent;
using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Properties.Generators;

/// <summary>A random valid network spec and a seed for everything drawn inside a property (weights, inputs, selections).</summary>
public sealed record NetworkCase(NetworkSpec Spec, int Seed)
{
    public override string ToString() =>
        $"{Spec.Name} seed={Seed} in=[{string.Join(",", Spec.Input.Shape)}] layers: " +
        string.Join(" → ", Spec.Layers.Select(l => (l.Kind == LayerKind.Conv2d
            ? $"{l.Name}:conv{l.InputUnits}→{l.Neurons} k{l.KernelH}x{l.KernelW} s{l.StrideH} pad({l.Padding.Top},{l.Padding.Bottom},{l.Padding.Left},{l.Padding.Right})"
            : $"{l.Name}:lin{l.InputUnits}→{l.Neurons}{(l.Flatten is null ? "" : " (flatten)")}") + $" {l.Init}"));
}

/// <summary>Generators of small random networks covering every connection kind ReDo handles.</summary>
public static class NetworkCases
{
    /// <summary>Any shape, each layer with its own initialiser (mixed within a network).</summary>
    public static Arbitrary<NetworkCase> Any() =>
        (from c in Gen.OneOf(Mlp(), ConvNet(dueling: false), ConvNet(dueling: true))
         from inits in Gen.ArrayOf(Gen.Elements(Enum.GetValues<Initializer>()), 8)
         select c with { Spec = c.Spec with { Layers = c.Spec.Layers.Select((l, i) => l with { Init = inits[i] }).ToValueList() } }).ToArbitrary();

    /// <summary>Only specs a plain Sequential can express (single head, symmetric padding, no input scaling, one initialiser).</summary>
    public static Arbitrary<NetworkCase> SequentialExpressible() =>
        (from c in Gen.OneOf(Mlp(), ConvNet(dueling: false, symmetricOnly: true))
         from init in Gen.Elements(Enum.GetValues<Initializer>())
         select c with { Spec = c.Spec.WithInitializer(init) }).ToArbitrary();

    static Gen<NetworkCase> Mlp() =>
        from inputs in Gen.Choose(1, 6)
        from depth in Gen.Choose(1, 3)
        from hidden in Gen.ArrayOf(Gen.Choose(1, 8), depth)
        from outputs in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select new NetworkCase(NetworkCatalog.Mlp(inputs, hidden, outputs), seed);

    static Gen<NetworkCase> ConvNet(bool dueling, bool symmetricOnly = false) =>
        from channels in Gen.Choose(1, 3)
        from size in Gen.Choose(4, 7)
        from convCount in Gen.Choose(1, 2)
        from widths in Gen.ArrayOf(Gen.Choose(1, 5), convCount)
        from kernels in Gen.ArrayOf(Gen.Choose(1, 3), convCount)
        from strides in Gen.ArrayOf(Gen.Choose(1, 2), convCount)
        from paddings in Gen.ArrayOf(Gen.Choose(0, symmetricOnly ? 1 : 2), convCount)
        from dense in Gen.Choose(1, 6)
        from actions in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select new NetworkCase(BuildConvNet(channels, size, widths, kernels, strides, paddings, dense, actions, dueling), seed);

    static NetworkSpec BuildConvNet(int channels, int size, int[] widths, int[] kernels, int[] strides, int[] paddings, int dense, int actions, bool dueling)
    {
        var layers = new List<LayerSpec>();
        int c = channels, h = size, w = size;
        string previous = NetworkSpec.InputName;
        for (int i = 0; i < widths.Length; i++)
        {
            int k = Math.Min(kernels[i], h);
            var padding = paddings[i] switch
            {
                0 => Padding2d.Valid,
                1 => new Padding2d(1, 1, 1, 1),
                _ => Padding2d.Same(h, w, k, k, strides[i], strides[i]), // may be asymmetric
            };
            layers.Add(LayerSpec.Conv($"Conv_{i}", c, widths[i], k, strides[i], padding, previous));
            h = (h + padding.Top + padding.Bottom - k) / strides[i] + 1;
            w = (w + padding.Left + padding.Right - k) / strides[i] + 1;
            c = widths[i];
            previous = $"Conv_{i}";
        }
        var flatten = new FlattenSpec(c, h, w);
        layers.Add(LayerSpec.Linear("Dense_0", flatten.Features, dense, Activation.Relu, LayerRole.Hidden, previous, flatten));
        if (dueling)
        {
            layers.Add(LayerSpec.Linear("Advantage", dense, actions, Activation.Identity, LayerRole.Output, "Dense_0"));
            layers.Add(LayerSpec.Linear("Value", dense, 1, Activation.Identity, LayerRole.Output, "Dense_0"));
        }
        else layers.Add(LayerSpec.Linear("final_layer", dense, actions, Activation.Identity, LayerRole.Output, "Dense_0"));
        return new NetworkSpec(dueling ? "conv-dueling" : "conv", InputSpec.Image(channels, size, size), layers.ToValueList(), dueling ? OutputHead.Dueling : OutputHead.Single);
    }
}
