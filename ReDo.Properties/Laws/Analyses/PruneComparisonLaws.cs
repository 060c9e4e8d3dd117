using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;
using ReDo.Pure.Recycling;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Laws.Analyses;

/// <summary>Laws of the pruning comparison (paper Fig. 6): the return change and its interval come from the paired episodes alone.</summary>
public class PruneComparisonLaws
{
    static readonly PrunePlan NoPlan = new(RecyclePlan.Empty(), 0, 144);

    /// <summary>Paired episode returns (1 … 40 episodes, MinAtar-like whole-number returns 0 … 60), often equal.</summary>
    static Gen<(double[] Full, double[] Pruned)> Pairs() =>
        from n in Gen.Choose(1, 40)
        from full in Gen.ArrayOf(Gen.Choose(0, 60).Select(x => (double)x), n)
        from changes in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(-20, 20))), n)
        select (full, full.Zip(changes, (f, c) => Math.Max(0, f + c)).ToArray());

    [Law(Runs = 300)]
    public Property The_change_is_the_mean_paired_difference_and_its_interval_lies_between_the_extreme_differences() =>
        Prop.ForAll(Pairs().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (p, seed) =>
        {
            var c = PruneComparison.From(0.1, NoPlan, p.Full, p.Pruned, 0, new BootstrapSettings(Seed: (ulong)seed));
            var differences = p.Full.Zip(p.Pruned, (f, q) => q - f).ToArray();
            Assert.Equal(c.MeanPruned - c.MeanFull, c.Change.Point, 9);
            Assert.True(differences.Min() - 1e-9 <= c.Change.Lower && c.Change.Lower <= c.Change.Upper && c.Change.Upper <= differences.Max() + 1e-9,
                $"interval [{c.Change.Lower}, {c.Change.Upper}] outside the differences [{differences.Min()}, {differences.Max()}]");
            if (differences.All(d => d == 0)) Assert.Equal((0.0, 0.0, 0.0), (c.Change.Point, c.Change.Lower, c.Change.Upper));
        });

    [Fact]
    public void Unequal_episode_counts_are_refused()
    {
        Assert.Contains("same episodes", Assert.Throws<ArgumentException>(() => PruneComparison.From(0, NoPlan, [1, 2], [1], 0, new BootstrapSettings())).Message);
        Assert.Contains("same episodes", Assert.Throws<ArgumentException>(() => PruneComparison.From(0, NoPlan, [], [], 0, new BootstrapSettings())).Message);
    }
}
