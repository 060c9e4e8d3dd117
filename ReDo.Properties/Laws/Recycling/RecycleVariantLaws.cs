using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Recycling.Variants;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>Laws of the scheduled-fraction variant and incoming weight scaling (paper Fig. 15, 23; docs/specs/redo-algorithm.md §2.3).</summary>
public class RecycleVariantLaws
{
    /// <summary>A layer's scores: 1–200 neurons, values in steps of 0.05 so ties are common, zeros (dead neurons) included.</summary>
    static readonly Gen<double[]> Scores = Gen.Choose(1, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 60).Select(x => x / 20.0), n));
    /// <summary>f = 0 a fifth of the time, else (0, 1] including the halves that round to even.</summary>
    static readonly Gen<double> Fraction = Gen.OneOf(Gen.Constant(0.0), Gen.Choose(1, 1000).Select(x => x / 1000.0), Gen.Choose(1, 1000).Select(x => x / 1000.0), Gen.Choose(1, 1000).Select(x => x / 1000.0), Gen.Choose(1, 8).Select(x => x / 8.0));

    [Law(Runs = 1000)]
    public Property The_scheduled_fraction_recycles_the_k_lowest_plus_ties() =>
        Prop.ForAll(Scores.ToArbitrary(), Fraction.ToArbitrary(), (scores, f) =>
        {
            var chosen = FractionSelection.Lowest(scores, f);
            int k = f == 0 ? 0 : Math.Max(1, (int)Math.Round(scores.Length * f, MidpointRounding.ToEven));
            if (k == 0) { Assert.Empty(chosen); return; }
            var kth = scores.Order().ElementAt(Math.Min(k, scores.Length) - 1);
            Assert.Equal(Enumerable.Range(0, scores.Length).Where(i => scores[i] <= kth), chosen);
            Assert.True(chosen.Count >= Math.Min(k, scores.Length));
            Assert.True(chosen.Count - scores.Count(s => s < kth) == scores.Count(s => s == kth), "only ties with the k-th are added");
        });

    [Law(Runs = 1000)]
    public Property Inverted_selection_picks_the_highest_scores() =>
        Prop.ForAll(Scores.ToArbitrary(), Fraction.ToArbitrary(), (scores, f) =>
        {
            var (ranking, _) = FractionSelection.Ranking(ScoreType.RedoInverted, scores, new SplitMix64(0));
            var chosen = FractionSelection.Lowest(ranking, f);
            if (chosen.Count == 0) return;
            var lowestChosen = chosen.Min(i => scores[i]);
            Assert.All(Enumerable.Range(0, scores.Length).Except(chosen), i => Assert.True(scores[i] < lowestChosen));
        });

    [Law(Runs = 1000)]
    public Property Random_ranking_is_a_seeded_permutation_of_the_scores() =>
        Prop.ForAll(Scores.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (scores, seed) =>
        {
            var (a, _) = FractionSelection.Ranking(ScoreType.Random, scores, new SplitMix64((ulong)seed));
            var (b, _) = FractionSelection.Ranking(ScoreType.Random, scores, new SplitMix64((ulong)seed));
            Assert.Equal(scores.Order(), a.Order());
            Assert.Equal(a, b);
        });

    [Law(Runs = 1000)]
    public Property Weight_scaling_gives_each_recycled_vector_the_mean_norm_of_the_kept_ones() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(1, 100_000).Select(x => x / 1000.0)).ToArbitrary(), Gen.NonEmptyListOf(Gen.Choose(0, 100_000).Select(x => x / 1000.0)).ToArbitrary(), Gen.Choose(1, 40).Select(x => x / 10.0).ToArbitrary(), (fresh, kept, scale) =>
        {
            var factors = IncomingScaling.Factors(fresh, kept.ToList(), scale);
            double target = kept.Average() * scale;
            // factor = target / n and factor · n each round once: |factor·n − target| ≤ 2·2⁻⁵³·target (+ the product's own rounding).
            for (int i = 0; i < fresh.Length; i++)
                Assert.True(Math.Abs(factors[i] * fresh[i] - target) <= 4 * Math.Pow(2, -53) * target, $"{factors[i]} · {fresh[i]} vs {target}");
        });

    [Law(Runs = 1000)]
    public Property The_cosine_schedule_falls_from_the_rate_to_0_at_the_end() =>
        Prop.ForAll(Gen.Choose(0, 1000).Select(x => x / 1000.0).ToArbitrary(), Gen.Choose(1, 10_000_000).ToArbitrary(), (rate, end) =>
        {
            var s = new ScheduledFraction(rate, end);
            Assert.Equal(rate, s.At(0));
            Assert.Equal(0, s.At(end));
            double previous = rate;
            foreach (var step in Enumerable.Range(0, 21).Select(i => (long)end * i / 20))
            {
                var f = s.At(step);
                Assert.InRange(f, 0, rate);
                Assert.True(f <= previous);
                previous = f;
            }
        });

    [Fact]
    public void Examples_pinned_by_hand()
    {
        Assert.Equal(2, FractionSelection.Count(10, 0.25));     // 2.5 rounds to even: 2
        Assert.Equal(4, FractionSelection.Count(10, 0.35));     // 3.5 → 4
        Assert.Equal(1, FractionSelection.Count(128, 0.001));   // at least one
        Assert.Equal([0, 2, 3], FractionSelection.Lowest([0.1, 0.9, 0.3, 0.3, 0.5], 0.4));   // k = 2: 0.1, then 0.3 and its tie
        Assert.Equal(0.1 * Math.Cos(Math.PI / 4), new ScheduledFraction(0.1, 1000).At(500));
        Assert.Equal([2.0, 0.5], IncomingScaling.Factors([1.0, 4.0], [1.0, 3.0]));           // target mean(1, 3) = 2
    }
}
