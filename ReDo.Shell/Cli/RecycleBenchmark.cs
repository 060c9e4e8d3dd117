using System.Diagnostics;
using ReDo.Pure.Networks;
using ReDo.Shell.Agents;
using ReDo.Shell.Networks;
using ReDo.Shell.Optimizers;
using ReDo.Shell.Recycling;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo bench recycle</c>: time of one score-and-recycle (probe 64, τ = 0.1) against one DQN
/// training update (batch 32, Adam) for the Nature CNN and the MinAtar net, measured side by side
/// in one run. Target: recycle ≤ 1 update, so that at F = 1000 ReDo costs ≤ 0.1 % of training.
/// </summary>
public sealed class RecycleBenchmark : IBenchmark
{
    public string Name => "recycle";
    public string Summary => "score-and-recycle time vs one training update (Nature CNN, MinAtar net)";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        int repeats = a.Int("repeats", 20, 1, 100_000);
        int probe = a.Int("probe", 64, 1, 4096);
        double tau = a.Double("tau", 0.1, 0, 1e6);
        a.RejectUnknown();

        Console.WriteLine($"torch threads: {get_num_threads()}, repeats: {repeats}, probe batch {probe}, τ = {tau}, training batch 32");
        Console.WriteLine($"{"network",-14} {"update ms",10} {"recycle ms",11} {"ratio",7} {"recycled",9} {"cost at F=1000",15} {"target",7}");
        bool allMet = true;
        foreach (var spec in new[] { NetworkCatalog.NatureCnn(6), NetworkCatalog.MinAtarDqn(4, 6) })
            allMet &= Measure(spec, repeats, probe, tau);
        Console.WriteLine(allMet ? "target met: score-and-recycle ≤ 1 update for every network" : "target NOT met for at least one network");
        return 0;
    }

    static bool Measure(NetworkSpec spec, int repeats, int probeSize, double tau)
    {
        using var generator = new Generator(1234, CPU);
        using var online = new SpecNetwork(spec);
        using var target = new SpecNetwork(spec);
        NetworkInit.Initialize(online, generator);
        NetworkInit.Initialize(target, generator);
        using var adam = new Adam(online.parameters(), lr: 6.25e-5, beta1: 0.9, beta2: 0.999, eps: 1.5e-4);
        var moments = new OptimizerMoments(adam);

        TransitionBatch Batch() => new(
            NetworkChoice.SyntheticInputs(spec, 32, generator), randint(0, 6, [32], generator: generator),
            rand([32], generator: generator), NetworkChoice.SyntheticInputs(spec, 32, generator), Discounts());
        Tensor Discounts() { using var gamma = 0.99f.ToScalar(); return full(32, gamma); }
        double UpdateMs()
        {
            using var batch = Batch();
            var sw = Stopwatch.StartNew();
            QLearningUpdate.Step(online, target, adam, batch);
            return sw.Elapsed.TotalMilliseconds;
        }
        int recycled = 0;
        double RecycleMs()
        {
            using var probe = NetworkChoice.SyntheticInputs(spec, probeSize, generator);
            var sw = Stopwatch.StartNew();
            recycled += DormantNeuronRecycler.Recycle(online, moments, probe, new RecycleSettings(tau), generator).Outcome.Total;
            return sw.Elapsed.TotalMilliseconds;
        }
        for (int i = 0; i < 3; i++) { UpdateMs(); RecycleMs(); }   // warm-up
        recycled = 0;
        // Interleaved, so both see the same machine state.
        var updates = new List<double>();
        var recycles = new List<double>();
        for (int i = 0; i < repeats; i++) { updates.Add(UpdateMs()); recycles.Add(RecycleMs()); }
        double u = Median(updates), r = Median(recycles), ratio = r / u;
        bool met = ratio <= 1.0;
        Console.WriteLine($"{spec.Name,-14} {u,10:0.00} {r,11:0.00} {ratio,7:0.00} {recycled / (double)repeats,9:0.0} {ratio / 1000,15:P3} {(met ? "met" : "MISSED"),7}");
        return met;
    }

    static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
