using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;
using ReDo.Pure.Dormancy;
using ReDo.Shell.Analyses;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Laws.Analyses;

/// <summary>Paper Fig. 6 on real TorchSharp networks: pruning neurons that are silent on the probe batch cannot change the outputs there.</summary>
public class LiveNetworkPruningLaws
{
    [Law(Runs = 40)]
    public Property Pruning_only_tau_0_neurons_leaves_the_outputs_on_the_probe_batch_unchanged_exactly() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c, adamSteps: 0);   // no optimizer: TorchSharp's Adam can poison weights at random (docs/torch-rules.md)
            var killed = RandomData.Selection(c.Spec, new System.Random(c.Seed));
            live.Kill(killed);
            using var probe = live.RandomInput(16);
            var (statistics, before) = ActivationProbe.MeasureWithOutput(live.Net, probe, keepOutput: true);
            using var _ = before!;
            var plan = PrunePlan.FromDormancy(c.Spec, DormancyReport.Assess(c.Spec, statistics, 0));
            Assert.True(plan.Pruned >= killed.Values.Sum(v => v.Count), "a dead neuron was not pruned");
            NetworkPruner.Apply(live.Net, plan);
            using var after = live.Net.Forward(probe);
            Assert.Equal(before!.data<float>().ToArray(), after.data<float>().ToArray());
        });
}
