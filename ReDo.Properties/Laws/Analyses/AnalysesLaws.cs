using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;
using Xunit;

namespace ReDo.Properties.Laws.Analyses;

/// <summary>Laws of the paper's §3 analyses: overlap coefficient (Fig. 5), srank and effective rank (Table 7), label shuffling (Fig. 3).</summary>
public class AnalysesLaws
{
    const int Runs = 500;

    /// <summary>Sets of small integers, empty a fifth of the time, so overlaps (and the empty cases) are common.</summary>
    static Gen<HashSet<int>> SetGen() =>
        Gen.Choose(0, 4).SelectMany(k => k == 0
            ? Gen.Constant(new HashSet<int>())
            : from universe in Gen.Choose(1, 40)
              from items in Gen.ListOf(Gen.Choose(0, universe))
              select items.ToHashSet());

    [Law(Runs = Runs)]
    public Property Overlap_is_symmetric() =>
        Prop.ForAll(SetGen().ToArbitrary(), SetGen().ToArbitrary(), (x, y) =>
            Assert.Equal(OverlapCoefficient.Of(x, y), OverlapCoefficient.Of(y, x)));

    [Law(Runs = Runs)]
    public Property Overlap_lies_in_0_1() =>
        Prop.ForAll(SetGen().ToArbitrary(), SetGen().ToArbitrary(), (x, y) =>
        {
            var o = OverlapCoefficient.Of(x, y);
            Assert.InRange(o, 0.0, 1.0);
        });

    [Law(Runs = Runs)]
    public Property Overlap_of_a_set_with_itself_is_1() =>
        Prop.ForAll(SetGen().ToArbitrary(), x => Assert.Equal(1.0, OverlapCoefficient.Of(x, x.ToHashSet())));

    [Law(Runs = Runs)]
    public Property Overlap_of_a_non_empty_subset_is_1() =>
        Prop.ForAll(SetGen().ToArbitrary(), SetGen().ToArbitrary(), (x, extra) =>
        {
            if (x.Count == 0) return;
            Assert.Equal(1.0, OverlapCoefficient.Of(x, x.Union(extra).ToHashSet()));
        });

    /// <summary>The singular values of a rank-k matrix: k positive values (1e-3 … 1e3) and some zeros, in any order.</summary>
    static Gen<(double[] Values, int Rank)> RankK() =>
        from k in Gen.Choose(1, 40)
        from positive in Gen.ArrayOf(Gen.Choose(1, 1_000_000).Select(x => x / 1000.0), k)
        from zeros in Gen.Choose(0, 40)
        from order in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), k + zeros)
        select (positive.Concat(new double[zeros]).Zip(order).OrderBy(p => p.Second).Select(p => p.First).ToArray(), k);

    [Law(Runs = Runs)]
    public Property SRank_of_a_rank_k_matrix_is_k_for_delta_below_the_smallest_share() =>
        Prop.ForAll(RankK().ToArbitrary(), Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 999)).ToArbitrary(), (m, u) =>
        {
            // δ small enough (δ = 0, where "≥" matters, half of the time): below σ_k / Σσ, the share of the smallest non-zero singular value.
            double smallestShare = m.Values.Where(s => s > 0).Min() / m.Values.Sum();
            double delta = smallestShare * u / 1000.0;
            Assert.Equal(m.Rank, SingularValueRank.SRank(m.Values, delta));
        });

    [Law(Runs = Runs)]
    public Property SRank_never_grows_with_delta_and_stays_within_1_rank() =>
        Prop.ForAll(RankK().ToArbitrary(), Gen.Choose(0, 999).ToArbitrary(), Gen.Choose(0, 999).ToArbitrary(), (m, a, b) =>
        {
            double d1 = Math.Min(a, b) / 1000.0, d2 = Math.Max(a, b) / 1000.0;
            int r1 = SingularValueRank.SRank(m.Values, d1), r2 = SingularValueRank.SRank(m.Values, d2);
            Assert.True(r2 <= r1, $"srank {r1} at δ={d1} but {r2} at δ={d2}");
            Assert.InRange(r2, 1, m.Rank);
        });

    [Law(Runs = Runs)]
    public Property Effective_rank_lies_in_1_rank_and_is_k_for_k_equal_values() =>
        Prop.ForAll(RankK().ToArbitrary(), m =>
        {
            var e = SingularValueRank.Entropy(m.Values);
            Assert.InRange(e, 1 - 1e-9, m.Rank + 1e-9);
            var equal = m.Values.Select(s => s > 0 ? 2.5 : 0).ToArray();
            Assert.Equal(m.Rank, SingularValueRank.Entropy(equal), 9);
        });

    [Law(Runs = Runs)]
    public Property A_seeded_permutation_is_a_permutation() =>
        Prop.ForAll(Gen.Choose(0, 300).ToArbitrary(), Gen.Choose(int.MinValue, int.MaxValue).ToArbitrary(), (n, seed) =>
            Assert.Equal(Enumerable.Range(0, n), SeededPermutation.Of(n, (ulong)seed).Order()));

    static Gen<byte[]> Labels() => Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9).Select(x => (byte)x), n));

    static Gen<(int Period, int Epoch, int Seed)> ShuffleCase() =>
        from period in Gen.Choose(1, 30)
        from epoch in Gen.Choose(0, 200)
        from seed in Gen.Choose(0, int.MaxValue)
        select (period, epoch, seed);

    [Law(Runs = Runs)]
    public Property Shuffled_labels_are_a_permutation_of_the_originals() =>
        Prop.ForAll(Labels().ToArbitrary(), ShuffleCase().ToArbitrary(), (labels, c) =>
            {
                var (period, epoch, seed) = c;
                var shuffle = new LabelShuffle(period, (ulong)seed);
                var now = shuffle.LabelsAt(labels, epoch);
                Assert.Equal(labels.Order(), now.Order());
                if (epoch < period) Assert.Equal(labels, now);                                   // before the first shuffle: the originals
                Assert.Equal(now, shuffle.LabelsAt(labels, epoch / period * period));           // constant within a period
            });
}
