using System.CommandLine;
using System.Text.Json;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo score</c>: builds a fresh catalog network, optionally drives it into dormancy with a few
/// high-learning-rate steps on moving random regression targets, then scores and recycles it once
/// and prints the record (per layer dormant counts at τ = 0 and τ, recycled neurons, |Δ output|).
/// </summary>
public sealed class ScoreCommand : ICliCommand
{
    public sealed record Parameters(string Net, double Tau, int ProbeSize, int Seed, int TrainSteps, double LearningRate, FlattenMapping Mapping, bool Json);

    public Command Definition()
    {
        var net = CliOptions.Choice("--net", "catalog network to build", "minatar", [.. NetworkChoice.Names]);
        var tau = CliOptions.Double("--tau", "τ: a neuron is dormant when its score is ≤ τ", 0.1, 0, 1e6);
        var probe = CliOptions.Int("--probe", "probe batch size", 64, 1, 1 << 16);
        var seed = CliOptions.Int("--seed", "seed of the initialisation, targets and redraws", 0, 0);
        var trainSteps = CliOptions.Int("--train-steps", "high-learning-rate warm-up steps (0 = score the fresh net)", 200, 0, 1_000_000);
        var lr = CliOptions.Double("--lr", "warm-up learning rate", 1e-2, 1e-12, 10);
        var mapping = CliOptions.Choice("--mapping", "conv→dense outgoing mapping", "channels-first", "channels-first", "dopamine-compat");
        var json = CliOptions.Flag("--json", "print the records as JSON");
        var command = new Command("score", "score and recycle a fresh network once and print the record") { net, tau, probe, seed, trainSteps, lr, mapping, json };
        command.SetAction(r => Run(new Parameters(r.GetValue(net)!, r.GetValue(tau), r.GetValue(probe), r.GetValue(seed), r.GetValue(trainSteps), r.GetValue(lr),
            r.GetValue(mapping) == "channels-first" ? FlattenMapping.ChannelsFirst : FlattenMapping.DopamineCompat, r.GetValue(json))));
        return command;
    }

    public static int Run(Parameters p)
    {
        var (netName, tau, probeSize, seed, trainSteps, lr, mapping, json) = p;
        manual_seed(seed);
        using var generator = new Generator((ulong)seed, CPU);
        using var net = new SpecNetwork(NetworkChoice.Spec(netName));
        NetworkInit.Initialize(net, generator);
        using var adam = new Adam(net.parameters(), lr: lr, beta1: 0.9, beta2: 0.999, eps: 1.5e-4);
        using var targetScale = 10.0.ToScalar();
        var moments = new OptimizerMoments(adam);
        for (int step = 0; step < trainSteps; step++)
        {
            using var scope = NewDisposeScope();
            var x = NetworkChoice.SyntheticInputs(net.Spec, 32, generator);
            var target = randn([32, 6], generator: generator).mul_(targetScale);   // a new target every step: non-stationary
            adam.ZeroGrad();
            nn.functional.huber_loss(net.Forward(x), target).backward();
            adam.Step();
        }

        using var probe = NetworkChoice.SyntheticInputs(net.Spec, probeSize, generator);
        var result = DormantNeuronRecycler.Recycle(net, moments, probe, new RecycleSettings(tau, mapping), generator);
        var atZero = Pure.Dormancy.DormancyReport.Assess(net.Spec, result.Statistics, 0.0);   // same pre-recycle probe pass

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { network = net.Spec.Name, tau, probe = probeSize, seed, trainSteps, mapping = mapping.ToString(), dormantAtZero = atZero, result.Dormancy, result.Outcome },
                new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        Console.WriteLine($"network {net.Spec.Name}, {trainSteps} warm-up steps (lr {lr}), probe {probeSize}, τ = {tau}, mapping {mapping}, seed {seed}");
        Console.WriteLine($"{"layer",-12} {"neurons",8} {"dormant@0",10} {"dormant@τ",10} {"min score",10} {"recycled",9}");
        foreach (var layer in result.Dormancy.Layers)
            Console.WriteLine($"{layer.Layer,-12} {layer.Neurons,8} {atZero.For(layer.Layer).DormantCount,10} {layer.DormantCount,10} {layer.Scores.Min(),10:0.0000} {result.Plan.For(layer.Layer)?.Neurons.Count ?? 0,9}");
        Console.WriteLine($"{"overall",-12} {result.Dormancy.Neurons,8} {atZero.OverallFraction,10:P1} {result.Dormancy.OverallFraction,10:P1} {"",10} {result.Outcome.Total,9}");
        Console.WriteLine($"recycled {result.Outcome.Total} neurons; largest |Δ output| on the probe batch: {result.Outcome.MaxOutputChange:G4}");
        return 0;
    }
}
