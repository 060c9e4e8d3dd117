using System.CommandLine;
using ReDo.Pure.Networks;
using ReDo.Recycling;
using ReDo.Shell.Cli;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench recycle</c>: time of one score-and-recycle (probe 64, τ = 0.1) against one DQN
/// training update (batch 32, Adam) for the Nature CNN and the MinAtar net, measured side by side
/// in one run, in thread CPU time (a busy machine disturbs it far less than wall time), with the minor page faults
/// each takes (a count: fresh pages cost CPU time on this VM, so a tensor left to the finalizer shows up here). Target: recycle ≤ 1 update, so that at F = 1000 ReDo costs ≤ 0.1 % of training.
/// </summary>
public sealed class RecycleBenchmark : IBenchmark
{
    public Command Definition()
    {
        var repeats = CliOptions.Int("--repeats", "timed repetitions", 20, 1, 100_000);
        var probe = CliOptions.Int("--probe", "probe batch size", 64, 1, 4096);
        var tau = CliOptions.Double("--tau", "τ", 0.1, 0, 1e6);
        var threads = CliOptions.Int("--threads", "libtorch intra-op threads (thread CPU time counts the calling thread only, so 1 keeps it honest)", 1, 1, 64);
        var phases = CliOptions.Flag("--phases", "also time each phase of a recycle (capture forward, plan, draws, apply, output change) in thread CPU time");
        var command = new Command("recycle", "score-and-recycle time vs one training update (Nature CNN, MinAtar net)") { repeats, probe, tau, threads, phases };
        command.SetAction(r => Run(r.GetValue(repeats), r.GetValue(probe), r.GetValue(tau), r.GetValue(threads), r.GetValue(phases)));
        return command;
    }

    public static int Run(int repeats, int probe, double tau, int threads = 1, bool phases = false, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
        set_num_threads(threads);
        o.WriteLine($"torch threads: {get_num_threads()}, repeats: {repeats}, probe batch {probe}, τ = {tau}, training batch 32");
        o.WriteLine($"{"network",-14} {"update ms",10} {"recycle ms",11} {"ratio",7} {"recycled",9} {"cost at F=1000",15} {"target",7}");
        bool allMet = true;
        foreach (var spec in new[] { NetworkCatalog.NatureCnn(6), NetworkCatalog.MinAtarDqn(4, 6) })
            allMet &= Measure(spec, repeats, probe, tau, o);
        o.WriteLine(allMet ? "target met: score-and-recycle ≤ 1 update for every network" : "target NOT met for at least one network");
        if (phases)
            foreach (var spec in new[] { NetworkCatalog.NatureCnn(6), NetworkCatalog.MinAtarDqn(4, 6) })
                RecyclePhases.Print(spec, repeats, probe, tau, o);
        return 0;
    }

    static bool Measure(NetworkSpec spec, int repeats, int probeSize, double tau, TextWriter o)
    {
        using var nets = new DqnBenchNetworks(spec, seed: 1234);
        var (online, moments, generator) = (nets.Online, nets.Moments, nets.Generator);
        long updateFaults = 0, recycleFaults = 0;
        double UpdateMs()
        {
            long before = PageFaults.Minor();
            double ms = nets.TimedUpdate();
            updateFaults += PageFaults.Minor() - before;
            return ms;
        }
        int recycled = 0;
        double RecycleMs()
        {
            using var probe = NetworkChoice.SyntheticInputs(spec, probeSize, generator);
            long faults = PageFaults.Minor();
            double start = ThreadClock.Milliseconds();
            recycled += DormantNeuronRecycler.Recycle(online, moments, probe, new RecycleSettings(tau), generator).Outcome.Total;
            double ms = ThreadClock.Milliseconds() - start;
            recycleFaults += PageFaults.Minor() - faults;
            return ms;
        }
        for (int i = 0; i < 3; i++) { UpdateMs(); RecycleMs(); }   // warm-up
        recycled = 0;
        updateFaults = recycleFaults = 0;
        // Interleaved, so both see the same machine state.
        var updates = new List<double>();
        var recycles = new List<double>();
        for (int i = 0; i < repeats; i++) { updates.Add(UpdateMs()); recycles.Add(RecycleMs()); }
        double u = BenchMedian.Of(updates), r = BenchMedian.Of(recycles), ratio = r / u;
        bool met = ratio <= 1.0;
        o.WriteLine($"{spec.Name,-14} {u,10:0.00} {r,11:0.00} {ratio,7:0.00} {recycled / (double)repeats,9:0.0} {ratio / 1000,15:P3} {(met ? "met" : "MISSED"),7}");
        o.WriteLine($"{"",-14} minor page faults per update {updateFaults / (double)repeats:0}, per recycle {recycleFaults / (double)repeats:0}");
        return met;
    }
}
