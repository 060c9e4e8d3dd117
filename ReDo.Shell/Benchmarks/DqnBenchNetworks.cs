using ReDo.Pure.Networks;
using ReDo.Shell.Agents;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling;
using TorchSharp;
using ReDo.Shell.Cli;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// What the recycle benchmarks train on: online and target networks of one spec, seeded, with the
/// Dopamine DQN's Adam and its moments (which a recycle zeroes), plus synthetic batches.
/// </summary>
public sealed class DqnBenchNetworks : IDisposable
{
    public Generator Generator { get; }
    public SpecNetwork Online { get; }
    public SpecNetwork Target { get; }
    public Adam Adam { get; }
    public OptimizerMoments Moments { get; }

    public DqnBenchNetworks(NetworkSpec spec, long seed)
    {
        Generator = new Generator((ulong)seed, CPU);
        Online = new SpecNetwork(spec);
        Target = new SpecNetwork(spec);
        NetworkInit.Initialize(Online, Generator);
        NetworkInit.Initialize(Target, Generator);
        Adam = new Adam(Online.parameters(), lr: 6.25e-5, beta1: 0.9, beta2: 0.999, eps: 1.5e-4);
        Moments = new OptimizerMoments(Adam);
    }

    /// <summary>A DQN batch of 32 synthetic transitions for the spec's input.</summary>
    public TransitionBatch SyntheticBatch()
    {
        using var gamma = 0.99f.ToScalar();
        var spec = Online.Spec;
        return new(NetworkChoice.SyntheticInputs(spec, 32, Generator), randint(0, spec.OutputLayers.Single().Neurons, [32], generator: Generator),
            rand([32], generator: Generator), NetworkChoice.SyntheticInputs(spec, 32, Generator), full(32, gamma));
    }

    /// <summary>One training update on a fresh synthetic batch; returns its thread CPU milliseconds.</summary>
    public double TimedUpdate()
    {
        using var batch = SyntheticBatch();
        double start = ThreadClock.Milliseconds();
        QLearningUpdate.Step(Online, Target, Adam, batch);
        return ThreadClock.Milliseconds() - start;
    }

    public void Dispose()
    {
        Adam.Dispose();
        Target.Dispose();
        Online.Dispose();
        Generator.Dispose();
    }
}
