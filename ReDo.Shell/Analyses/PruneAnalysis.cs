using ReDo.Pure.Analyses;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Statistics;
using ReDo.Shell.Agents;
using ReDo.Recycling;
using ReDo.Shell.Files;
using ReDo.Shell.Plotting;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>What <c>redo analyze prune</c> measured and wrote.</summary>
public sealed record PruneResult(string Checkpoint, IReadOnlyList<PruneComparison> Rows, IReadOnlyList<string> Files);

/// <summary>
/// Paper §3, Fig. 6: mask the outputs of a trained network's τ-dormant neurons (scored on a probe batch
/// from its replay) and compare greedy returns with the full network on the same episode seeds.
/// Episode e plays on environment seed (Run:Seed + 1,000,003 + e), the first being the one the run's own
/// evaluation plays; ε (Agent:EpsilonEval) draws from the same seed. Each τ prunes the unpruned network.
/// </summary>
public static class PruneAnalysis
{
    public static PruneResult Run(IRunFiles files, string runFolder, IReadOnlyList<double> taus, int episodes, int probeSize, uint probeSeed, long? checkpointFrames,
        string outFolder, TextWriter progress)
    {
        using var run = TrainedRun.Load(files, runFolder, checkpointFrames);
        var agent = run.Agent;
        var net = agent.Online;
        var mapping = run.Config.Dqn.Redo.Mapping;
        double epsilon = run.Config.Dqn.EpsilonEval;
        var seeds = Enumerable.Range(0, episodes).Select(e => (uint)run.Config.Run.Seed + GreedyEvaluation.SeedOffset + (uint)e).ToList();
        double[] Returns() => seeds.Select(s => GreedyEvaluation.EpisodeReturn(agent, run.Game, run.Options, s, epsilon)).ToArray();

        using var probe = run.SampleStates(probeSize, probeSeed);
        var (statistics, fullOutput) = ActivationProbe.MeasureWithOutput(net, probe, keepOutput: true);
        using var before = fullOutput!;
        using var generator = new Generator(0, CPU);
        using var original = AgentNetworks.Build(agent.Spec, generator);
        AgentNetworks.CopyInto(net, original);
        progress.WriteLine($"{run.Name}, checkpoint {run.Checkpoint}: {episodes} greedy episodes (ε = {epsilon}) of the full network …");
        var full = Returns();
        var rows = new List<PruneComparison>();
        foreach (var tau in taus.Distinct().Order())
        {
            var plan = PrunePlan.FromDormancy(agent.Spec, DormancyReport.Assess(agent.Spec, statistics, tau), mapping);
            NetworkPruner.Apply(net, plan);
            double change = MaxAbsDifference(net, probe, before);
            var row = PruneComparison.From(tau, plan, full, Returns(), change, new BootstrapSettings());
            AgentNetworks.CopyInto(original, net);
            rows.Add(row);
            progress.WriteLine(FormattableString.Invariant(
                $"τ = {tau}: pruned {row.Pruned}/{row.Neurons} ({row.Fraction:P1}); mean return {row.MeanFull:0.00} → {row.MeanPruned:0.00}, change {row.Change.Point:+0.00;-0.00;0} [{row.Change.Lower:0.00}, {row.Change.Upper:0.00}]; max |Δ Q| on the probe {change:G4}"));
        }
        files.CreateDirectory(outFolder);
        var written = new List<string>
        {
            Write(files, Path.Combine(outFolder, "prune.csv"), PruneCharts.SummaryCsv(rows)),
            Write(files, Path.Combine(outFolder, "prune-episodes.csv"), PruneCharts.EpisodesCsv(rows, seeds)),
            ChartFigures.Save(files, PruneCharts.Returns(run.Name, rows), Path.Combine(outFolder, "prune.png")),
            ChartFigures.Save(files, PruneCharts.Fraction(run.Name, rows), Path.Combine(outFolder, "prune-fraction.png")),
        };
        return new PruneResult(run.Checkpoint, rows, written);
    }

    static double MaxAbsDifference(ReDo.Recycling.Networks.IRecyclableNetwork net, Tensor probe, Tensor before)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (after, original) = (net.Forward(probe).data<float>().ToArray(), before.data<float>().ToArray());
        return after.Select((a, i) => Math.Abs((double)a - original[i])).Max();
    }

    static string Write(IRunFiles files, string path, string text)
    {
        files.WriteText(path, text);
        return path;
    }
}
