using ReDo.Properties.Generators;
using ReDo.Pure.Recycling;
using ReDo.Recycling;
using ReDo.Recycling.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Properties;

/// <summary>
/// A <see cref="GeneratedModule"/> with the optimizer its case names, trained three real steps (backward on
/// random targets) so that every moment the optimizer keeps is non-zero, and the recycler's front door over it.
/// </summary>
public sealed class LiveModule : IDisposable
{
    readonly IDisposable _optimizer;

    public GeneratedModule Module { get; }
    public OptimizerMoments Moments { get; }
    public Generator Generator { get; }

    public LiveModule(ModuleCase c, int steps = 3)
    {
        Generator = new Generator((ulong)c.Seed, CPU);
        manual_seed(c.Seed);   // the modules' own initialisation
        Module = new GeneratedModule(c);
        var parameters = Module.parameters().ToList();
        (_optimizer, Moments, var step) = c.Optimizer switch
        {
            OptimizerChoice.TorchAdam => Torch(optim.Adam(parameters, lr: 1e-2)),
            OptimizerChoice.TorchAdamW => Torch(optim.AdamW(parameters, lr: 1e-2)),
            OptimizerChoice.TorchRmsProp => Torch(optim.RMSProp(parameters, lr: 1e-2, momentum: 0.5)),
            OptimizerChoice.TorchRmsPropCentered => Torch(optim.RMSProp(parameters, lr: 1e-2, centered: true)),
            OptimizerChoice.TorchSgdMomentum => Torch(optim.SGD(parameters, learningRate: 1e-2, momentum: 0.9)),
            OptimizerChoice.FlatAdam => Flat(new ReDo.Recycling.Optimizers.Adam(parameters, lr: 1e-2, beta1: 0.9, beta2: 0.999, eps: 1e-8)),
            OptimizerChoice.FlatRmsProp => Flat(new ReDo.Recycling.Optimizers.CenteredRmsProp(parameters, lr: 1e-2, alpha: 0.95, eps: 0.01)),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            using var input = RandomInput(8);
            var output = Module.call(input);
            var target = rand(output.shape, generator: Generator);
            var error = output.sub(target);
            error.mul(error).mean().backward();
            step();
        }
    }

    static (IDisposable, OptimizerMoments, Action) Torch(optim.Optimizer o) => (o, new OptimizerMoments(o), () => { o.step(); o.zero_grad(); });

    static (IDisposable, OptimizerMoments, Action) Flat(ReDo.Recycling.Optimizers.FlatOptimizer o) => (o, new OptimizerMoments(o), () => { o.Step(); o.ZeroGrad(); });

    public Tensor RandomInput(int batch) => rand([batch, .. Module.InputShape.Select(d => (long)d)], generator: Generator);

    public NetworkState Read(IRecyclableNetwork net) => NetworkStateReader.Read(net, Moments);

    /// <summary>Makes the chosen neurons silent on every input: zero incoming row and bias, so h = act(0) = 0 for all six activations.</summary>
    public static void Kill(IRecyclableNetwork net, IReadOnlyDictionary<string, IReadOnlyCollection<int>> neurons)
    {
        using var _ = no_grad();
        foreach (var (layer, js) in neurons)
            foreach (var j in js)
            {
                net.Weight(layer)[j].zero_();
                net.Bias(layer)?[j].zero_();
            }
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        Module.Dispose();
        Generator.Dispose();
    }
}
