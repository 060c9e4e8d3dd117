using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using Xunit;

namespace ReDo.Properties.Examples.Statistics;

/// <summary>The run counts at which an interval becomes a 95 % CI, and the curve band below them (the runs' range).</summary>
public class IntervalNameExamples
{
    [Theory]
    [InlineData(new[] { 1 }, false)]
    [InlineData(new[] { 5 }, false)]                 // a range of 5 misses the median with chance 2^-4 = 6.25 %
    [InlineData(new[] { 6 }, true)]                  // 2^-5 ≈ 3.1 %
    [InlineData(new[] { 2, 2 }, false)]              // the 2-seed quick sizes
    [InlineData(new[] { 3, 3 }, true)]
    [InlineData(new[] { 1, 5, 5 }, false)]           // a game of one run resamples nothing
    [InlineData(new[] { 5, 5, 5, 5, 5 }, true)]      // the full sizes
    public void Counts(int[] runs, bool ci)
    {
        var t = ScoreTable.Of(runs.Select((n, g) => ($"g{g}", Enumerable.Range(0, n).Select(i => (double)i).ToArray())).ToArray());
        Assert.Equal(ci, IntervalName.IsConfidenceInterval(t));
        Assert.Equal(ci, IntervalName.Of(t) == "95 % CI");
    }

    [Fact]
    public void A_band_over_two_seeds_is_their_min_and_max_and_says_so()
    {
        var band = CurveBands.Of("DQN", [([10, 20], [1.0, 4.0]), ([10, 20], [3.0, 2.0])], new BootstrapSettings());
        Assert.Equal([1.0, 2.0], band.Lower);
        Assert.Equal([3.0, 4.0], band.Upper);
        Assert.Equal([2.0, 3.0], band.Mean);
        Assert.Equal("band: min–max of 2 seeds", CurveBands.Describe([band]));
    }
}
