using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Properties;

/// <summary>A real TorchSharp network built from a generated case, trained a few Adam steps so that every moment is non-zero.</summary>
public sealed class LiveNetwork : IDisposable
{
    public SpecNetwork Net { get; }
    public ReDo.Recycling.Optimizers.Adam Optimizer { get; }
    public OptimizerMoments Moments { get; }
    public Generator Generator { get; }
    public NetworkSpec Spec => Net.Spec;

    public LiveNetwork(NetworkCase c, int adamSteps = 3)
    {
        Generator = new Generator((ulong)c.Seed, CPU);
        Net = new SpecNetwork(c.Spec);
        NetworkInit.Initialize(Net, Generator);
        using (no_grad())
            foreach (var l in c.Spec.Layers) Net.Bias(l.Name).uniform_(-0.1, 0.1, Generator);   // Tensor.uniform_: nn.init's ignores the generator
        Optimizer = new ReDo.Recycling.Optimizers.Adam(Net.parameters(), lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1.5e-4);
        Moments = new OptimizerMoments(Optimizer);
        // Synthetic gradients, not backward: the laws are about recycling, and libtorch's backward
        // through some of the generated conv shapes (e.g. k2×2 s2 with asymmetric pad) returns NaN
        // gradient entries now and then although the forward is finite (seen with plain autograd, no
        // optimizer of ours; 1 in ~20 conv nets by the third step). Kept out of these laws; open as
        // its own defect (docs/torch-rules.md, "Open").
        for (int i = 0; i < adamSteps; i++)
        {
            using var scope = NewDisposeScope();
            Optimizer.Flat.Gradients.uniform_(-1, 1, Generator);
            Optimizer.Step();
        }
    }

    public Tensor RandomInput(int batch) =>
        rand([batch, .. Spec.Input.Shape.Select(d => (long)d)], generator: Generator);

    public NetworkState Read() => NetworkStateReader.Read(Net, Moments);

    /// <summary>Makes the chosen neurons dead on every input: zero incoming weights, bias −1 (post-ReLU output 0).</summary>
    public void Kill(IReadOnlyDictionary<string, IReadOnlyCollection<int>> neurons)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        // An owned Scalar: an implicit one can be finalized while libtorch still reads it (docs/torch-rules.md),
        // leaving a garbage (even NaN) bias that the next activation probe reports as NaN.
        using var minusOne = (-1.0).ToScalar();
        foreach (var (layer, js) in neurons)
            foreach (var j in js)
            {
                Net.Weight(layer)[j].zero_();
                Net.Bias(layer)[j].fill_(minusOne);
            }
    }

    /// <summary>The fresh tensors as the core's plain draws (only the keys the shell drew).</summary>
    public static RecycleDraws ToPure(TensorDraws draws) => new(
        draws.Incoming.ToDictionary(kv => kv.Key, kv => NetworkStateReader.Values(kv.Value)),
        draws.Biases.ToDictionary(kv => kv.Key, kv => NetworkStateReader.Values(kv.Value)),
        draws.Outgoing.ToDictionary(kv => kv.Key, kv => NetworkStateReader.Values(kv.Value)));

    public void Dispose()
    {
        Optimizer.Dispose();
        Net.Dispose();
        Generator.Dispose();
    }
}
