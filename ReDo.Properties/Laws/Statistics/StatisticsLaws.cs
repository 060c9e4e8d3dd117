using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Statistics;
using Xunit;
using static ReDo.Properties.Generators.ScoreGenerators;

namespace ReDo.Properties.Laws.Statistics;

/// <summary>The laws of rliable's aggregates and the stratified bootstrap (docs/statistics.md).</summary>
public class StatisticsLaws
{
    static readonly BootstrapSettings Quick = new(Resamples: 2_000, Seed: 7);

    [Law(Runs = 500)]
    public Property Every_aggregate_of_a_constant_is_that_constant_exactly() =>
        Prop.ForAll(Score.ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), (c, games, runs) =>
        {
            var t = ScoreTable.Of(Enumerable.Range(0, games).Select(g => ($"g{g}", Enumerable.Repeat(c, runs).ToArray())).ToArray());
            Assert.Equal(c, Aggregates.Iqm(t));
            Assert.Equal(c, Aggregates.Mean(t));
            Assert.Equal(c, Aggregates.Median(t));
            Assert.Equal(1 - Math.Min(c, 1), Aggregates.OptimalityGap(t));
        });

    [Law(Runs = 200)]
    public Property Aggregates_and_their_intervals_do_not_depend_on_the_order_of_runs_or_games() =>
        Prop.ForAll(Table().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (t, seed) =>
        {
            var s = Shuffled(t, seed);
            foreach (var a in AllAggregates)
                Assert.Equal(Aggregates.Of(a, t), Aggregates.Of(a, s));   // bit for bit
            Assert.Equal(StratifiedBootstrap.Interval(t, Aggregates.Iqm, Quick), StratifiedBootstrap.Interval(s, Aggregates.Iqm, Quick));
        });

    [Law(Runs = 1000)]
    public Property The_iqm_lies_between_min_and_max_and_equals_the_mean_when_all_values_are_equal() =>
        Prop.ForAll(Table().ToArbitrary(), t =>
        {
            var iqm = Aggregates.Iqm(t);
            Assert.InRange(iqm, t.AllRuns.Min(), t.AllRuns.Max());
            foreach (var a in new[] { Aggregate.Mean, Aggregate.Median })
                Assert.InRange(Aggregates.Of(a, t), t.AllRuns.Min(), t.AllRuns.Max());
            var flat = ScoreTable.Of(t.Games.Select(g => (g.Game, Enumerable.Repeat(t.AllRuns.First(), g.Runs.Count).ToArray())).ToArray());
            Assert.Equal(Aggregates.Mean(flat), Aggregates.Iqm(flat));
        });

    [Law(Runs = 1000)]
    public Property A_stratified_resample_keeps_every_games_run_count_and_draws_only_that_games_runs() =>
        Prop.ForAll(Table().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (t, seed) =>
        {
            var (r, _) = StratifiedBootstrap.Resample(t, new SplitMix64((ulong)seed));
            Assert.Equal(t.Games.Select(g => (g.Game, g.Runs.Count)), r.Games.Select(g => (g.Game, g.Runs.Count)));
            for (int g = 0; g < t.Games.Count; g++)
                Assert.All(r.Games[g].Runs, v => Assert.Contains(v, t.Games[g].Runs));
        });

    [Law(Runs = 100)]
    public Property The_interval_is_ordered_and_lies_within_the_range_of_the_scores() =>
        Prop.ForAll(Table().ToArbitrary(), t =>
        {
            foreach (var a in new[] { Aggregate.Iqm, Aggregate.Mean, Aggregate.Median })
            {
                var e = StratifiedBootstrap.Interval(t, s => Aggregates.Of(a, s), Quick);
                Assert.True(e.Lower <= e.Upper, $"{a}: [{e.Lower}, {e.Upper}]");
                Assert.InRange(e.Lower, t.AllRuns.Min(), t.AllRuns.Max());
                Assert.InRange(e.Upper, t.AllRuns.Min(), t.AllRuns.Max());
            }
        });

    [Law(Runs = 100)]
    public Property The_interval_contains_the_point_estimate() =>
        Prop.ForAll(Table().ToArbitrary(), t =>
        {
            foreach (var a in AllAggregates)
            {
                var e = StratifiedBootstrap.Interval(t, s => Aggregates.Of(a, s), Quick);
                Assert.True(e.Contains(e.Point), $"{a}: {e.Point} outside [{e.Lower}, {e.Upper}] for {string.Join("; ", t.Games.Select(g => $"{g.Game} {g.Runs}"))}");
            }
        });

    [Law(Runs = 1000)]
    public Property Probability_of_improvement_is_one_half_against_itself_and_complementary() =>
        Prop.ForAll(Table().SelectMany(x => SameGames(x).Select(y => (x, y))).ToArbitrary(), xy =>
        {
            var (x, y) = xy;
            Assert.Equal(0.5, ProbabilityOfImprovement.Of(x, x));
            double pxy = ProbabilityOfImprovement.Of(x, y), pyx = ProbabilityOfImprovement.Of(y, x);
            Assert.InRange(pxy, 0, 1);
            // Per game both are integers over the same 2nm, so they sum to 1 up to one rounding each
            // (≤ 2^-53 relative); the mean over ≤ 5 games adds ≤ 5 roundings of values ≤ 1: 16·2^-53 covers it.
            Assert.True(Math.Abs(pxy + pyx - 1) <= 16 * Math.Pow(2, -53), $"{pxy} + {pyx} ≠ 1");
        });

    [Law(Runs = 1000)]
    public Property A_performance_profile_falls_from_1_below_the_minimum_to_0_at_the_maximum() =>
        Prop.ForAll(Table().ToArbitrary(), t =>
        {
            var taus = PerformanceProfile.Thresholds(t.AllRuns.Min() - 1, t.AllRuns.Max(), 21);
            var f = taus.Select(tau => PerformanceProfile.FractionAbove(t, tau)).ToList();
            Assert.Equal(1.0, f[0]);
            Assert.Equal(0.0, f[^1]);
            for (int i = 1; i < f.Count; i++) Assert.True(f[i] <= f[i - 1]);
        });
}
