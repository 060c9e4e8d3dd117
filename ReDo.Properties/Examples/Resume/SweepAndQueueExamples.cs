using ReDo.Pure.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Resume;

/// <summary>Seeds, grids and sweeps expand as documented; the worker's queue order; ETAs.</summary>
public class SweepAndQueueExamples
{
    [Theory]
    [InlineData("3", new[] { 3 })]
    [InlineData("1-5", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("1,3,7", new[] { 1, 3, 7 })]
    [InlineData("1-3,10,2", new[] { 1, 2, 3, 10 })]
    public void Seed_lists_and_ranges_parse(string text, int[] seeds) => Assert.Equal(seeds, SeedRange.Parse(text).Seeds);

    [Theory]
    [InlineData("5-1")]
    [InlineData("a")]
    [InlineData("-3")]
    [InlineData("1-100000")]
    public void Bad_seed_text_is_named(string text)
    {
        var (seeds, problem) = SeedRange.Parse(text);
        Assert.Null(seeds);
        Assert.Contains("'", problem);
    }

    [Fact]
    public void A_sweep_is_every_grid_combination_for_every_seed_with_distinct_safe_names()
    {
        var ratio = GridAxis.Parse("Agent:ReplayRatio=0.25,0.5,1,2").Axis!;
        var redo = GridAxis.Parse("Redo:Enabled=true,false").Axis!;
        var runs = SweepPlan.Expand("minatar-breakout-dqn", ["Run:Frames=1000"], [ratio, redo], [1, 2, 3]);
        Assert.Equal(4 * 2 * 3, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => r.Name).Distinct().Count());
        Assert.All(runs, r => Assert.True(RunSpec.IsSafeName(r.Name), r.Name));
        Assert.Equal("minatar-breakout-dqn-ReplayRatio=0.25-Enabled=true-seed1", runs[0].Name);
        Assert.Equal(["Run:Frames=1000", "Agent:ReplayRatio=0.25", "Redo:Enabled=true"], runs[0].Overrides);
        Assert.Equal(["minatar-breakout-dqn-seed4"], SweepPlan.Expand("minatar-breakout-dqn", [], [], [4]).Select(r => r.Name));
    }

    [Theory]
    [InlineData("Agent:ReplayRatio")]
    [InlineData("ReplayRatio=1,2")]
    [InlineData("Agent:ReplayRatio=")]
    public void Bad_grids_are_named(string text) => Assert.NotNull(GridAxis.Parse(text).Problem);

    [Fact]
    public void The_worker_continues_an_interrupted_spec_before_new_ones()
    {
        Assert.Equal("b.json", QueueOrder.Next(["b.json"], ["a.json", "c.json"]));
        Assert.Equal("a.json", QueueOrder.Next([], ["c.json", "a.json"]));
        Assert.Null(QueueOrder.Next([], []));
    }

    [Fact]
    public void Eta_is_unknown_until_a_rate_is_measured()
    {
        Assert.Equal("--:--:--", Eta.Text(Eta.For(1000, 0)));
        Assert.Equal("01:00:00", Eta.Text(Eta.For(3_600_000, 1000)));
        Assert.Equal("26:00:00", Eta.Text(Eta.For(93_600, 1)));
    }
}
