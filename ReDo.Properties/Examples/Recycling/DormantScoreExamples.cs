using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using Xunit;

namespace ReDo.Properties.Examples.Recycling;

/// <summary>Hand-computed scores (Eq. 1) and fractions.</summary>
public class DormantScoreExamples
{
    [Fact]
    public void Scores_are_mean_abs_over_the_layer_mean()
    {
        // mean |a| = (0, 1, 2, 5) → layer mean 2 → scores 0, 0.5, 1, 2.5 (up to the 1e-9 epsilon).
        var s = DormantScore.Compute([0, 1, 2, 5]);
        Assert.Equal([0, 0.5, 1, 2.5], s.Select(x => Math.Round(x, 8)));
        Assert.Equal(1.0 / (2.0 + 1e-9), s[1], 15);
    }

    [Fact]
    public void The_epsilon_breaks_scale_invariance_when_the_layer_mean_nears_it()
    {
        // The case that refutes an "exactly scale-free" law: mean (0, 1.73), m = 0.865.
        double[] a = [0, 1.73];
        const double c = 0.0003749730022454834;                                 // c·m ≈ 3.2435e-4
        var s = DormantScore.Compute(a)[1];
        var sc = DormantScore.Compute(a.Select(x => x * c).ToArray())[1];
        Assert.Equal(1.73 / (0.865 + 1e-9), s, 15);                            // 1.99999999768786
        Assert.Equal(2 * (c * 0.865) / (c * 0.865 + 1e-9), sc, 14);             // 1.99999383387181
        Assert.Equal(6.1638e-6, s - sc, 10);                                    // = 1.73·1e-9·(1 − c)/((c·m + ε)(m + ε))
        // A layer mean equal to ε halves every score: (0, 2e-9) scores (0, 1), not (0, 2).
        Assert.Equal([0, 1], DormantScore.Compute([0, 2e-9]).Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Dormancy_is_inclusive_at_tau()
    {
        var layer = new LayerDormancy("L", ValueList.Of(0.0, 0.1, 0.1000001, 3.7999999), 0.1);
        Assert.Equal([0, 1], layer.DormantNeurons);
        Assert.Equal(0.5, layer.DormantFraction);
    }

    [Fact]
    public void A_silent_layer_scores_zero_everywhere_and_tau_zero_finds_it()
    {
        Assert.All(DormantScore.Compute([0, 0, 0]), s => Assert.Equal(0.0, s));
        Assert.Equal(3, new LayerDormancy("L", DormantScore.Compute([0, 0, 0]), 0).DormantCount);
    }

    [Fact]
    public void Overall_fraction_counts_neurons_of_hidden_layers_only()
    {
        // MinAtar net: Conv_0 has 16 channels, Dense_0 128 units; final_layer is excluded.
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        var conv = Enumerable.Range(0, 16).Select(i => i < 4 ? 0.0 : 1.0).ToValueList();        // 4 dead
        var dense = Enumerable.Range(0, 128).Select(i => i < 32 ? 0.0 : 2.0).ToValueList();     // 32 dead
        var report = DormancyReport.Assess(spec, new ActivationStatistics(ValueList.Of(new LayerActivation("Conv_0", conv), new LayerActivation("Dense_0", dense))), 0.0);
        Assert.Equal(0.25, report.For("Conv_0").DormantFraction);
        Assert.Equal(0.25, report.For("Dense_0").DormantFraction);
        Assert.Equal(36.0 / 144.0, report.OverallFraction);
        Assert.Equal(144, report.Neurons);
    }

    [Fact]
    public void Tau_must_be_a_finite_nonnegative_number()
    {
        var spec = NetworkCatalog.Mlp(2, [3], 1);
        var stats = new ActivationStatistics(ValueList.Of(new LayerActivation("Dense_0", ValueList.Of(1.0, 2.0, 3.0))));
        Assert.Throws<ArgumentOutOfRangeException>(() => DormancyReport.Assess(spec, stats, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DormancyReport.Assess(spec, stats, double.NaN));
        var wrongCount = new ActivationStatistics(ValueList.Of(new LayerActivation("Dense_0", ValueList.Of(1.0))));
        Assert.Contains("3 neurons but 1", Assert.Throws<ArgumentException>(() => DormancyReport.Assess(spec, wrongCount, 0)).Message);
    }
}
