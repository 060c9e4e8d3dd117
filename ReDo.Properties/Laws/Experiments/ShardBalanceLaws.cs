using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Experiments;
using Xunit;

namespace ReDo.Properties.Laws.Experiments;

/// <summary>Runs dealt over shards by cost (docs/experiments.md): every run gets one shard, and no shard carries more than one run's cost above another.</summary>
public class ShardBalanceLaws
{
    static readonly Gen<double[]> Costs =
        Gen.Choose(1, 400).Select(c => c * 1_250.0).ArrayOf().Where(a => a.Length <= 60);

    [Law(Runs = 1000)]
    public Property Every_run_gets_one_shard_and_the_loads_differ_by_at_most_the_largest_run() =>
        Prop.ForAll(Costs.ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (costs, shards) =>
        {
            var shardOf = ShardBalance.Assign(costs, shards);
            Assert.Equal(costs.Length, shardOf.Length);
            Assert.All(shardOf, s => Assert.InRange(s, 0, shards - 1));
            var load = new double[shards];
            for (int i = 0; i < costs.Length; i++) load[shardOf[i]] += costs[i];
            double largest = costs.Length == 0 ? 0 : costs.Max();
            Assert.True(load.Max() - load.Min() <= largest, $"loads {string.Join(", ", load)} differ by more than the largest run {largest}");
        });

    [Law(Runs = 500)]
    public Property Equal_costs_are_dealt_round_robin() =>
        Prop.ForAll(Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (n, shards) =>
            Assert.Equal(Enumerable.Range(0, n).Select(i => i % shards), ShardBalance.Assign(Enumerable.Repeat(2_000.0, n).ToArray(), shards)));

    [Fact]
    public void A_runs_cost_is_frames_times_acting_plus_its_last_replay_ratio()
    {
        Assert.Equal(1_000 * 1.25, ShardBalance.Cost(["Run:Seed=1"], 1_000));
        Assert.Equal(1_000 * 4.25, ShardBalance.Cost(["Agent:ReplayRatio=2", "Agent:ReplayRatio=4"], 1_000));
        Assert.Equal(1_000 * 0.5, ShardBalance.Cost(["Agent:ReplayRatio=0.25"], 1_000));
    }

    [Fact]
    public void The_replay_ratio_4_runs_of_an_experiment_no_longer_share_one_shard()
    {
        // dormancy-rise's quick size: RR 1 and RR 4 for two optimizers; round-robin put both RR 4 runs on shard 1.
        string[][] overrides = [["Agent:ReplayRatio=1"], ["Agent:ReplayRatio=4"], ["Agent:Optimizer=adam", "Agent:ReplayRatio=1"], ["Agent:Optimizer=adam", "Agent:ReplayRatio=4"]];
        var shardOf = ShardBalance.Assign([.. overrides.Select(o => ShardBalance.Cost(o, 500_000))], 2);
        Assert.NotEqual(shardOf[1], shardOf[3]);
    }
}
