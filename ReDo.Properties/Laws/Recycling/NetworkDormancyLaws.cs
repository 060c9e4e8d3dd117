using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>SAC's per-network dormancy (App. B, Fig. 18): each network's fraction over all its layers, and the overall over every neuron.</summary>
public class NetworkDormancyLaws
{
    static Gen<DormancyReport> Reports(double tau) =>
        from layers in Gen.Choose(1, 4)
        from scores in Gen.ArrayOf(Gen.Choose(1, 12).SelectMany(neurons => Gen.ArrayOf(Gen.Elements(0.0, 0.05, 0.1, 0.5, 1.0, 2.5), neurons)), layers)
        select new DormancyReport(tau, scores.Select((s, i) => new LayerDormancy($"Dense_{i}", s.ToValueList(), tau)).ToValueList());

    static Arbitrary<(double Tau, DormancyReport[] Networks)> Cases() =>
        (from tau in Gen.Elements(0.0, 0.1)
         from n in Gen.Choose(1, 3)
         from reports in Gen.ArrayOf(Reports(tau), n)
         select (tau, reports)).ToArbitrary();

    [Law]
    public Property Each_network_counts_all_its_layers_and_the_overall_counts_every_neuron() =>
        Prop.ForAll(Cases(), x =>
        {
            var named = x.Networks.Select((r, i) => ($"net_{i}", r)).ToList();
            var combined = NetworkDormancy.Combine(x.Tau, named);
            Assert.Equal(named.Select(n => n.Item1), combined.Layers.Select(l => l.Layer));
            foreach (var (name, report) in named)
            {
                Assert.Equal(report.DormantCount, combined.For(name).DormantCount);
                Assert.Equal(report.OverallFraction, combined.For(name).DormantFraction, 12);
            }
            Assert.Equal((double)x.Networks.Sum(r => r.DormantCount) / x.Networks.Sum(r => r.Neurons), combined.OverallFraction, 12);
        });

    [Fact]
    public void Networks_scored_at_another_tau_are_refused() =>
        Assert.Throws<ArgumentException>(() => NetworkDormancy.Combine(0.1, [("actor", new DormancyReport(0, ValueList<LayerDormancy>.Empty))]));
}
