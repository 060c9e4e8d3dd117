using ReDo.Properties.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>Laws 3 and 4: Eq. 1 is scale-free, averages to 1, marks silent layers dormant, and is monotone in τ.</summary>
public class DormantScoreLaws
{
    /// <summary>
    /// Per-neuron mean |activation| of a layer, with exact zeros mixed in (dead neurons): 1 … 65 neurons,
    /// values 0.001 … 1000, and one anchor 0.01 … 10, so the layer mean m lies in [0.01/65, 1000].
    /// </summary>
    static Arbitrary<double[]> Activations() =>
        (from n in Gen.Choose(0, 64)
         from values in Gen.ArrayOf(Gen.Choose(0, 4).SelectMany(k => k == 0 ? Gen.Constant(0.0) : Gen.Choose(1, 1_000_000).Select(x => x / 1000.0)), n)
         from anchor in Gen.Choose(1, 1000).Select(x => x / 100.0)
         select values.Append(anchor).ToArray()).ToArbitrary();

    /// <summary>c = 10^(−4 … 4): with the smallest m, c·m goes down to ≈ 1.5e-8, where Eq. 1's 1e-9 is not negligible.</summary>
    static Arbitrary<double> Scale() => Gen.Choose(-4000, 4000).Select(e => Math.Pow(10, e / 1000.0)).ToArbitrary();
    /// <summary>τ = 0 (the reference default, where "≤" matters most) a third of the time, else 0 … 3.</summary>
    static Arbitrary<double> Tau() => Gen.OneOf(Gen.Constant(0.0), Gen.Choose(0, 3000).Select(t => t / 1000.0), Gen.Choose(0, 3000).Select(t => t / 1000.0)).ToArbitrary();

    /// <summary>Floating-point slack for comparing two evaluations of Eq. 1 (a few ulps per sum term, relative).</summary>
    const double Rounding = 1e-12;

    /// <summary>
    /// Eq. 1 is scale-free only up to its ε = 1e-9. With m the layer mean and r_i = h_i / m,
    /// s_i(c·h) − s_i(h) = h_i·ε·(c − 1) / ((c·m + ε)(m + ε)), hence
    /// |s_i(c·h) − s_i(h)| ≤ r_i · ε / (min(c, 1)·m + ε): invariance within ε / (c·m) relative where the
    /// scaled layer is loud, a bounded drift where c·m approaches ε (pinned in DormantScoreExamples).
    /// </summary>
    [Law(Runs = 300)]
    public Property Law3_scaling_activations_by_c_gt_0_moves_scores_by_at_most_the_epsilon_bound() =>
        Prop.ForAll(Activations(), Scale(), (a, c) =>
        {
            var s = DormantScore.Compute(a);
            var sc = DormantScore.Compute(a.Select(x => x * c).ToArray());
            var m = a.Average();
            var eps = DormantScore.Epsilon;
            for (int i = 0; i < a.Length; i++)
            {
                var bound = a[i] / m * eps / (Math.Min(c, 1) * m + eps);
                Assert.True(Math.Abs(s[i] - sc[i]) <= bound + Rounding * (1 + s[i]),
                    $"neuron {i}: {s[i]} vs {sc[i]} at c={c}, m={m}: |Δ| {Math.Abs(s[i] - sc[i])} > bound {bound}");
            }
        });

    /// <summary>The mean score of a layer is m / (m + ε), i.e. 1 up to ε / m (the reference's normalisation).</summary>
    [Law(Runs = 300)]
    public Property Law3_a_layers_mean_score_is_m_over_m_plus_epsilon_unless_it_is_silent() =>
        Prop.ForAll(Activations(), a =>
        {
            var m = a.Average();
            var mean = DormantScore.Compute(a).Average();
            Assert.True(Math.Abs(mean - m / (m + DormantScore.Epsilon)) <= Rounding, $"mean score {mean}, m = {m}");
            Assert.InRange(1 - mean, 0, DormantScore.Epsilon / m + Rounding);
        });

    [Law(Runs = 100)]
    public Property Law3_a_silent_layer_is_all_dormant_at_every_tau() =>
        Prop.ForAll(Gen.Choose(1, 512).ToArbitrary(), Tau(), (n, tau) =>
        {
            var layer = new LayerDormancy("L", DormantScore.Compute(new double[n]), tau);
            Assert.Equal(n, layer.DormantCount);
        });

    [Law(Runs = 300)]
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

    [Law(Runs = 100)]
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
