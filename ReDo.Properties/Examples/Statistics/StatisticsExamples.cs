using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Examples.Statistics;

/// <summary>Hand-computed values of the aggregates, the percentile and the run score.</summary>
public class StatisticsExamples
{
    [Fact]
    public void Iqm_trims_a_quarter_from_each_end_like_scipy()
    {
        Assert.Equal(4.5, Aggregates.Iqm(ScoreTable.Of(("g", [8, 1, 7, 2, 6, 3, 5, 4]))));   // mean(3, 4, 5, 6)
        Assert.Equal(3.0, Aggregates.Iqm(ScoreTable.Of(("g", [1, 2, 3, 4, 100]))));          // ⌊1.25⌋ = 1 cut: mean(2, 3, 4)
        Assert.Equal(2.0, Aggregates.Iqm(ScoreTable.Of(("g", [1, 2, 3]))));                  // nothing cut from 3
    }

    [Fact]
    public void Two_games_pinned_by_hand()
    {
        var t = ScoreTable.Of(("a", [0.1, 0.2, 0.3]), ("b", [1, 2, 3]));
        Assert.Equal(0.875, Aggregates.Iqm(t), 15);            // pooled [0.1 0.2 0.3 1 2 3], cut 1: (0.2+0.3+1+2)/4
        Assert.Equal(1.1, Aggregates.Mean(t), 15);             // (0.2 + 2) / 2
        Assert.Equal(1.1, Aggregates.Median(t), 15);           // two game means: their average
        Assert.Equal(0.4, Aggregates.OptimalityGap(t), 15);    // 1 − mean(0.1 0.2 0.3 1 1 1) = 1 − 0.6
        Assert.Equal(2.0, Aggregates.Median(ScoreTable.Of(("a", [0.2]), ("b", [1, 3]), ("c", [5]))));
    }

    [Fact]
    public void Probability_of_improvement_counts_wins_and_half_ties()
    {
        // x = 1: beats 0 (1); x = 2: ties 2, 2 (½ + ½), beats 0 (1); x = 3: beats all (3) → 6 / 9
        Assert.Equal(2.0 / 3, ProbabilityOfImprovement.Of(ScoreTable.Of(("g", [1, 2, 3])), ScoreTable.Of(("g", [2, 2, 0]))), 15);
        // two games: 1 and 0 → mean 0.5
        Assert.Equal(0.5, ProbabilityOfImprovement.Of(ScoreTable.Of(("a", [5]), ("b", [0])), ScoreTable.Of(("a", [1]), ("b", [1]))));
        Assert.Throws<ArgumentException>(() => ProbabilityOfImprovement.Of(ScoreTable.Of(("a", [1])), ScoreTable.Of(("b", [1]))));
    }

    [Fact]
    public void Percentile_interpolates_linearly_like_numpy()
    {
        double[] v = [1, 2, 3, 4];
        Assert.Equal(1.075, Percentile.Of(v, 2.5), 12);   // h = 3 · 0.025 = 0.075
        Assert.Equal(3.925, Percentile.Of(v, 97.5), 12);  // h = 2.925
        Assert.Equal(2.5, Percentile.Of(v, 50));
        Assert.Equal(4, Percentile.Of(v, 100));
    }

    [Fact]
    public void With_one_run_per_game_every_resample_is_the_data_so_the_interval_is_the_point()
    {
        var t = ScoreTable.Of(("a", [0.5]), ("b", [2.25]), ("c", [0.25]));   // 3 values: nothing trimmed, IQM = mean = 1
        var e = StratifiedBootstrap.Interval(t, Aggregates.Iqm, new BootstrapSettings(Seed: 3));
        Assert.Equal(new IntervalEstimate(1, 1, 1), e);
    }

    [Fact]
    public void The_bootstrap_is_a_function_of_its_seed()
    {
        var t = ScoreTable.Of(("a", [0.11, 0.52, 0.93, 1.37, 0.05, 0.77, 0.21, 1.9]), ("b", [0.0, 0.23, 2.01, 0.4, 0.66, 1.1, 0.31, 0.8]));
        var s = new BootstrapSettings(Seed: 11);
        Assert.Equal(StratifiedBootstrap.Interval(t, Aggregates.Iqm, s), StratifiedBootstrap.Interval(t, Aggregates.Iqm, s));
        Assert.NotEqual(StratifiedBootstrap.Interval(t, Aggregates.Iqm, s), StratifiedBootstrap.Interval(t, Aggregates.Iqm, s with { Seed = 12 }));
        Assert.Throws<ArgumentException>(() => StratifiedBootstrap.Interval(t, Aggregates.Iqm, s with { Resamples = 1_999 }));
    }

    [Fact]
    public void SplitMix64_matches_the_published_first_output_for_seed_0() =>
        Assert.Equal(0xE220A8397B1DCDAFUL, new SplitMix64(0).NextUInt64().Value);

    [Fact]
    public void A_runs_score_is_the_mean_over_the_final_tenth_of_training()
    {
        var curve = Enumerable.Range(1, 40).Select(i => new CurvePoint(i * 2_500L, i)).ToList();   // 2.5k … 100k frames
        Assert.Equal((37 + 38 + 39 + 40) / 4.0, RunScore.Of(curve, 100_000));                        // frames > 90,000
        Assert.True(double.IsNaN(RunScore.Of(curve.Take(30), 100_000)));                              // not there yet
        var gap = curve.Select(p => p.Frames == 97_500 ? p with { Value = double.NaN } : p);
        Assert.Equal(40, RunScore.Of(gap, 100_000, finalFraction: 0.05));                              // NaN rows are skipped
    }

    [Fact]
    public void Normalisation_maps_random_to_0_and_reference_to_1()
    {
        var n = new GameNormalizer("breakout", Random: 0.5, Reference: 10.5);
        Assert.Equal(0.0, n.Normalize(0.5));
        Assert.Equal(1.0, n.Normalize(10.5));
        Assert.Equal(0.5, n.Normalize(5.5));
        Assert.Throws<ArgumentException>(() => new GameNormalizer("x", 1, 1).Normalize(2));
    }
}
