using ReDo.Pure.Analyses;
using Xunit;

namespace ReDo.Properties.Examples.Analyses;

/// <summary>The dormancy study's pick: the top cell's configuration, then the next different one; ties within 1 point reported.</summary>
public class ConfirmationPickExamples
{
    static ScreenedCell Cell(string series, string game, double final, double cost = 1) =>
        new($"study-screen-{game}-{series}-seed1", series, game, new DormancyRise(40, 5, final, 10), cost);

    [Fact]
    public void The_rise_is_the_mean_of_the_last_three_rows_minus_the_minimum_before_them()
    {
        var rise = DormancyRise.Of([(0, 50.0), (1_000, 30), (2_000, 12), (3_000, 20), (4_000, 24), (5_000, 27), (6_000, 30)])!;
        Assert.Equal((30.0, 12.0, 27.0, 6), (rise.First, rise.Minimum, rise.Final, rise.Rows));
        Assert.Equal(15.0, rise.Rise, 12);
        Assert.Null(DormancyRise.Of([(0, 50.0), (1_000, 30), (2_000, 12), (3_000, 20)]));
    }

    [Fact]
    public void Two_distinct_configurations_are_picked_best_first_and_near_ties_are_named()
    {
        var picks = ConfirmationPick.Pick([
            Cell("d_rr4", "breakout", 20), Cell("d_rr4", "seaquest", 30), Cell("d_rr16", "asterix", 24.5), Cell("m_rr16", "breakout", 25, cost: 3)]);
        Assert.Equal(["d_rr4", "m_rr16"], picks.Select(p => p.Pick.Series));
        Assert.Equal("seaquest", picks[0].Pick.Game);
        Assert.Empty(picks[0].Ties);
        Assert.Equal(["d_rr16"], picks[1].Ties.Select(t => t.Series));
    }

    [Fact]
    public void Two_runs_of_one_cell_with_the_same_rise_are_ranked_as_two_rows_in_run_order()
    {
        var seed1 = Cell("d_rr1", "asterix", 20);
        var seed2 = seed1 with { Run = "study-screen-asterix-d_rr1-seed2" };
        Assert.Equal([seed1.Run, seed2.Run], ConfirmationPick.Ranked([seed2, seed1]).Select(c => c.Run));
    }
}
