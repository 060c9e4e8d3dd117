using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using Xunit;

namespace ReDo.Properties.Pure;

/// <summary>Laws 3 and 4: Eq. 1 is scale-free, averages to 1, marks silent layers dormant, and is monotone in τ.</summary>
public class DormantScoreProperties
{
    /// <summary>Per-neuron mean |activation| of a layer, with exact zeros mixed in (dead neurons), layer mean ≥ 1e-3.</summary>
    static Arbitrary<double[]> Activations() =>
        (from n in Gen.Choose(1, 64)
         from values in Gen.ArrayOf(Gen.Choose(0, 4).SelectMany(k => k == 0 ? Gen.Constant(0.0) : Gen.Choose(1, 1_000_000).Select(x => x / 1000.0)), n)
         from anchor in Gen.Choose(1, 1000).Select(x => x / 100.0)
         select values.Append(anchor).ToArray()).ToArbitrary();

    static Arbitrary<double> Scale() => Gen.Choose(-4000, 4000).Select(e => Math.Pow(10, e / 1000.0)).ToArbitrary();
    /// <summary>τ = 0 (the reference default, where "≤" matters most) a third of the time, else 0 … 3.</summary>
    static Arbitrary<double> Tau() => Gen.OneOf(Gen.Constant(0.0), Gen.Choose(0, 3000).Select(t => t / 1000.0), Gen.Choose(0, 3000).Select(t => t / 1000.0)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Law3_scores_do_not_change_when_activations_are_scaled_by_c_gt_0() =>
        Prop.ForAll(Activations(), Scale(), (a, c) =>
        {
            var s = DormantScore.Compute(a);
            var sc = DormantScore.Compute(a.Select(x => x * c).ToArray());
            for (int i = 0; i < a.Length; i++)
                Assert.True(Math.Abs(s[i] - sc[i]) <= 1e-6 * Math.Max(1, s[i]), $"neuron {i}: {s[i]} vs {sc[i]} at c={c}");
        });

    [Property(MaxTest = 300)]
    public Property Law3_a_layers_mean_score_is_1_unless_it_is_silent() =>
        Prop.ForAll(Activations(), a => Math.Abs(DormantScore.Compute(a).Average() - 1.0) < 1e-6);

    [Property(MaxTest = 100)]
    public Property Law3_a_silent_layer_is_all_dormant_at_every_tau() =>
        Prop.ForAll(Gen.Choose(1, 512).ToArbitrary(), Tau(), (n, tau) =>
        {
            var layer = new LayerDormancy("L", DormantScore.Compute(new double[n]), tau);
            Assert.Equal(n, layer.DormantCount);
        });

    [Property(MaxTest = 300)]
    public Property Law4_the_dormant_fraction_never_decreases_as_tau_grows() =>
        Prop.ForAll(Activations(), Tau(), Tau(), (a, t1, t2) =>
        {
            var (lo, hi) = (Math.Min(t1, t2), Math.Max(t1, t2));
            var scores = DormantScore.Compute(a);
            var atLo = new LayerDormancy("L", scores, lo);
            var atHi = new LayerDormancy("L", scores, hi);
            Assert.True(atLo.DormantFraction <= atHi.DormantFraction);
            Assert.Subset(atHi.DormantNeurons.ToHashSet(), atLo.DormantNeurons.ToHashSet());
        });

    [Property(MaxTest = 100)]
    public Property Law4_overall_fraction_of_a_network_never_decreases_as_tau_grows() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Tau(), Tau(), (seed, t1, t2) =>
        {
            var spec = NetworkCatalog.MinAtarDqn(4, 6);
            var r = new System.Random(seed);
            var stats = new ActivationStatistics(spec.ScoredLayers.Select(l => new LayerActivation(l.Name,
                Enumerable.Range(0, l.Neurons).Select(_ => r.Next(3) == 0 ? 0 : r.NextDouble()).ToValueList())).ToValueList());
            var (lo, hi) = (Math.Min(t1, t2), Math.Max(t1, t2));
            Assert.True(DormancyReport.Assess(spec, stats, lo).OverallFraction <= DormancyReport.Assess(spec, stats, hi).OverallFraction);
        });
}
