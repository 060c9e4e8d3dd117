using ReDo.Pure.Agents;
using Xunit;

namespace ReDo.Properties.Examples.Agents;

/// <summary>Realisable and unrealisable replay ratios, the ε schedule and n-step returns against hand-computed numbers.</summary>
public class AgentScheduleExamples
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(1.5)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Unrealisable_replay_ratios_are_refused(double rr)
    {
        Assert.False(ReplayRatio.IsRealisable(rr));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplayRatio(rr));
    }

    [Theory]
    [InlineData(0.125, 8, 1)]
    [InlineData(0.25, 4, 1)]
    [InlineData(0.5, 2, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(4, 1, 4)]
    public void Realisable_replay_ratios_are_k_updates_every_period_steps(double rr, int period, int k)
    {
        Assert.True(ReplayRatio.IsRealisable(rr));
        var r = new ReplayRatio(rr);
        Assert.Equal((period, k), (r.UpdatePeriod, r.UpdatesPerStep));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(5_000, 1.0)]
    [InlineData(55_000, 0.55)]
    [InlineData(105_000, 0.1)]
    [InlineData(1_000_000, 0.1)]
    public void Minatar_epsilon_is_1_through_warmup_then_linear_to_0_1(long step, double expected) =>
        Assert.Equal(expected, new EpsilonSchedule(5_000, 100_000, 0.1).At(step), 9);

    [Fact]
    public void N_step_returns_stop_at_the_first_terminal()
    {
        Assert.Equal((1 + 0.9 * 2 + 0.81 * 3, false, 0.729), Round(NStepReturn.Of([1, 2, 3], [false, false, false], 0.9)));
        Assert.Equal((1 + 0.9 * 2, true, 0.0), Round(NStepReturn.Of([1, 2, 3], [false, true, false], 0.9)));
        Assert.Equal((5.0, false, 0.99), Round(NStepReturn.Of([5], [false], 0.99)));
    }

    static (double, bool, double) Round((double R, bool T, double D) x) => (Math.Round(x.R, 12), x.T, Math.Round(x.D, 12));
}
