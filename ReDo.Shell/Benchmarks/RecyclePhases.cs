using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using ReDo.Shell.Cli;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench recycle --phases</c>: where a score-and-recycle spends its time, phase by phase in
/// thread CPU time (median over repeats, each phase timed around the same public pieces that
/// <see cref="DormantNeuronRecycler"/> calls, in its order), so a speed change can be aimed at the
/// phase that costs.
/// </summary>
public static class RecyclePhases
{
    static readonly string[] Names = ["capture forward", "plan (core)", "draws", "apply", "output change"];
    const int FullForward = 5;   // timed after the phases, not part of a recycle: the output change computed from the input

    public static void Print(NetworkSpec spec, int repeats, int probeSize, double tau, TextWriter o)
    {
        using var nets = new DqnBenchNetworks(spec, seed: 4321);
        var (net, moments, generator) = (nets.Online, nets.Moments, nets.Generator);
        var settings = new RecycleSettings(tau);
        var times = Enumerable.Range(0, Names.Length + 1).Select(_ => new List<double>()).ToArray();
        var updates = new List<double>();
        var whole = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            // As in training, a recycle follows an update (which also makes new neurons dormant).
            double update = nets.TimedUpdate();
            if (i >= 2) updates.Add(update);
            var t = Once(net, moments, probeSize, settings, generator);
            if (i >= 2) for (int p = 0; p < t.Length; p++) times[p].Add(t[p]);   // two warm-ups
            nets.TimedUpdate();
            using (var probe = NetworkChoice.SyntheticInputs(spec, probeSize, generator))
            {
                double start = ThreadClock.Milliseconds();
                DormantNeuronRecycler.Recycle(net, moments, probe, settings, generator);
                if (i >= 2) whole.Add(ThreadClock.Milliseconds() - start);
            }
        }
        var medians = times.Select(BenchMedian.Of).ToArray();
        double total = medians.Take(Names.Length).Sum();
        o.WriteLine($"phases of one recycle, {spec.Name} (probe {probeSize}, after each a training update; median ms of thread CPU time; share of their sum):");
        for (int p = 0; p < Names.Length; p++)
            o.WriteLine($"  {Names[p],-16} {medians[p],9:0.00} ms {medians[p] / total,7:P0}");
        o.WriteLine($"  {"sum",-16} {total,9:0.00} ms against the update's {BenchMedian.Of(updates):0.00} ms");
        o.WriteLine($"  whole recycle call, in turn with the phases: {BenchMedian.Of(whole):0.00} ms");
        o.WriteLine($"  (output change recomputed from the input instead of from the still-valid probe outputs: {medians[FullForward]:0.00} ms)");
    }

    static double[] Once(IRecyclableNetwork net, OptimizerMoments moments, int probeSize, RecycleSettings settings, Generator generator)
    {
        var t = new double[Names.Length + 1];
        using var probe = NetworkChoice.SyntheticInputs(net.Spec, probeSize, generator);
        using var scope = NewDisposeScope();
        double start = ThreadClock.Milliseconds();
        var capture = ActivationProbe.Capture(net, probe);
        t[0] = Lap(ref start);
        var report = DormancyReport.Assess(net.Spec, capture.Statistics, settings.Tau);
        var plan = RecyclePlanner.FromDormancy(net.Spec, report, settings.Mapping);
        t[1] = Lap(ref start);
        if (plan.IsEmpty) return t;
        var device = net.Weight(plan.Layers[0].Layer).device;
        using (var draws = TensorDraws.For(net.Spec, plan, settings.EffectiveOptions, generator, device))
        {
            t[2] = Lap(ref start);
            TensorRecycler.Apply(net, moments, plan, settings.EffectiveOptions, draws);
            t[3] = Lap(ref start);
        }
        DormantNeuronRecycler.OutputChange(net, probe, capture.Output, capture.Layers, plan, settings.EffectiveOptions.Outgoing);
        t[4] = Lap(ref start);
        using (var _ = no_grad())
            (net.Forward(probe) - capture.Output).abs().max().item<float>();   // the same from the input, for comparison
        t[5] = Lap(ref start);
        return t;
    }

    static double Lap(ref double start)
    {
        double now = ThreadClock.Milliseconds();
        double lap = now - start;
        start = now;
        return lap;
    }
}
