using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using Xunit;

namespace ReDo.Properties.Examples.Analyses;

/// <summary>Hand-computed numbers for the §3 analyses.</summary>
public class AnalysesExamples
{
    static HashSet<int> S(params int[] xs) => [.. xs];

    [Fact]
    public void Overlap_examples()
    {
        Assert.Equal(2.0 / 3, OverlapCoefficient.Of(S(1, 2, 3), S(2, 3, 4, 5)));   // |{2,3}| / min(3, 4)
        Assert.Equal(1.0, OverlapCoefficient.Of(S(7), S(1, 7, 9)));                 // subset
        Assert.Equal(0.0, OverlapCoefficient.Of(S(1, 2), S(3)));
        Assert.Equal(1.0, OverlapCoefficient.Of(S(), S()));                         // both empty: the same set
        Assert.Equal(0.0, OverlapCoefficient.Of(S(), S(4)));                        // one empty: nothing persists
    }

    [Fact]
    public void SRank_examples()
    {
        // σ = 4, 2, 1, 1 (Σ 8): cumulative shares 0.5, 0.75, 0.875, 1.
        double[] s = [1, 4, 0, 2, 1];
        Assert.Equal(4, SingularValueRank.SRank(s));               // δ = 0.01: needs ≥ 0.99
        Assert.Equal(3, SingularValueRank.SRank(s, 0.125));        // ≥ 0.875, inclusive
        Assert.Equal(2, SingularValueRank.SRank(s, 0.25));
        Assert.Equal(1, SingularValueRank.SRank(s, 0.5));
        Assert.Equal(0, SingularValueRank.SRank([0, 0, 0]));       // all-zero features
        Assert.Equal(0, SingularValueRank.SRank([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SingularValueRank.SRank(s, 1.0));
        Assert.Throws<ArgumentException>(() => SingularValueRank.SRank([1, double.NaN]));
    }

    [Fact]
    public void Entropy_rank_examples()
    {
        Assert.Equal(1.7547653506033232, SingularValueRank.Entropy([3, 1]), 12);   // p = .75, .25: exp(−Σ p ln p)
        Assert.Equal(3.363585661014858, SingularValueRank.Entropy([4, 2, 1, 1, 0]), 12);
        Assert.Equal(1.0, SingularValueRank.Entropy([5, 0, 0]), 12);
        Assert.Equal(0.0, SingularValueRank.Entropy([0, 0]));
    }

    [Fact]
    public void Label_shuffle_keeps_labels_until_the_first_period_and_changes_them_after()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => (byte)(i % 10)).ToArray();
        var shuffle = new LabelShuffle(20, 3);
        Assert.Equal(0, shuffle.ShufflesBefore(19));
        Assert.Equal(1, shuffle.ShufflesBefore(20));
        Assert.Equal(4, shuffle.ShufflesBefore(99));
        Assert.Equal(labels, shuffle.LabelsAt(labels, 19));
        var first = shuffle.LabelsAt(labels, 20);
        var second = shuffle.LabelsAt(labels, 40);
        Assert.True(first.Zip(labels).Count(p => p.First != p.Second) > 800);   // ≈ 90 % of labels change
        Assert.True(first.Zip(second).Count(p => p.First != p.Second) > 800);   // each shuffle is a fresh relabelling
        Assert.Equal(labels, LabelShuffle.Fixed.LabelsAt(labels, 99));
    }

    static DormantMasks Step(long step, params (string Layer, bool[] Bits)[] layers) =>
        new(step, 0.1, layers.Select(l => new LayerMask(l.Layer, l.Bits.ToValueList())).ToValueList(),
            layers.Select(l => new LayerMask(l.Layer, l.Bits.ToValueList())).ToValueList());

    [Fact]
    public void Persistence_per_layer_and_overall()
    {
        var steps = new[]
        {
            Step(0, ("A", [false, false, false]), ("B", [false, false])),
            Step(100, ("A", [true, true, false]), ("B", [true, false])),
            Step(200, ("A", [false, true, true]), ("B", [true, false])),
        };
        var rows = DormantPersistence.Series(steps, MaskThreshold.Tau);
        Assert.True(double.IsNaN(rows[0].Overall.VsPrevious));
        var a = rows[2].Layers.Single(l => l.Layer == "A");
        Assert.Equal(0.5, a.VsPrevious);      // {0,1} vs {1,2}: 1 / 2
        Assert.Equal(0.5, a.VsReference);     // reference = step 100
        Assert.Equal(2.0 / 3, rows[2].Overall.VsPrevious);   // {A0,A1,B0} vs {A1,A2,B0}: 2 / 3
        Assert.Equal(3, rows[2].Overall.Dormant);
        Assert.Equal(0.0, rows[1].Overall.VsPrevious);       // nothing dormant before: nothing persists
        Assert.Equal(1.0, rows[1].Overall.VsReference);
        Assert.Equal(0.5, DormantPersistence.Series(steps, MaskThreshold.Tau, referenceStep: 150)[1].Layers[0].VsReference);   // reference = step 200
        Assert.Throws<ArgumentException>(() => DormantPersistence.Series(steps, MaskThreshold.Tau, referenceStep: 201));
    }
}
