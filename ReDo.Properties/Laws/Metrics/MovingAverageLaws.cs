using ReDo.Properties.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Pure.Metrics.Plotting;
using Xunit;

namespace ReDo.Properties.Laws.Metrics;

/// <summary>The run plots' moving average is trailing and skips gaps (intervals without a finished episode).</summary>
public class MovingAverageLaws
{
    static readonly Gen<double> Value = Gen.OneOf(
        Gen.Choose(-1_000_000, 1_000_000).Select(x => x / 1000.0),
        from m in Gen.Choose(-999, 999) from e in Gen.Choose(-6, 9) select m * Math.Pow(10, e));

    [Fact]
    public void Moving_average_is_trailing_and_skips_nan()
    {
        var avg = MovingAverage.Trailing([double.NaN, 2, 4, double.NaN, 6, 8], 3);
        Assert.True(double.IsNaN(avg[0]));
        Assert.Equal([2, 3, 3, 5, 7], avg[1..]);
    }

    [Law(Runs = 200)]
    public Property Moving_average_with_window_1_is_the_identity_on_finite_values() =>
        Prop.ForAll(Gen.ArrayOf(Value).ToArbitrary(), xs => Assert.Equal(xs, MovingAverage.Trailing(xs, 1)));
}
