using Xunit;

namespace ReDo.Golden.SelfRegression;

/// <summary>
/// The comparison on recorded runs (data/self-regression/checks): the same config run with the same pins
/// on another processor (a Sapphire Rapids machine; it leaves the committed trajectory at 9,500 frames)
/// passes; the same run with a learning rate 0.4 % off or a target period of 501 fails.
/// </summary>
public class GoldenMetricsTests
{
    static string[] Lines(string file) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "self-regression", file));
    static readonly string[] Committed = Lines("metrics.csv");

    [Fact]
    public void The_committed_run_on_another_processor_matches()
    {
        Assert.Null(GoldenMetrics.FirstMismatch(Committed, Committed));
        Assert.NotEqual(Committed, Lines("checks/sapphire-rapids.csv"));
        Assert.Null(GoldenMetrics.FirstMismatch(Committed, Lines("checks/sapphire-rapids.csv")));
    }

    [Theory]
    [InlineData("checks/learning-rate-0.4pct-off.csv", "line 5", "column dormant_pct_tau must match exactly")]
    [InlineData("checks/target-period-501.csv", "line 5", "column loss differs by more than")]
    public void A_real_change_to_training_does_not(string file, string where, string why)
    {
        var mismatch = GoldenMetrics.FirstMismatch(Committed, Lines(file));
        Assert.NotNull(mismatch);
        Assert.Contains(where, mismatch);
        Assert.Contains(why, mismatch);
    }
}
