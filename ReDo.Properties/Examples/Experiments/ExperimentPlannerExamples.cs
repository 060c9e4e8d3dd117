using ReDo.Pure.Experiments;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>Axes × games × seeds → runs; names unique; every run carries its game, frames and points' overrides; the shipped files plan.</summary>
public class ExperimentPlannerExamples
{
    static ExperimentDefinition Definition(params ExperimentAxis[] axes) => new(
        "exp", "Fig. 0", "a claim", "configs/minatar-breakout-dqn.json", ["Run:LogEvery=500"], axes,
        new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout", "seaquest"], "1-3", 2_000, ["Run:EvalEpisodes=1"], "nothing") }, []);

    static readonly ExperimentAxis Method = new("method", [new("dqn", "DQN", []), new("redo", "DQN + ReDo", ["Redo:Enabled=true"])]);
    static readonly ExperimentAxis Ratio = new("rr", [new("rr1", "RR 1", ["Agent:ReplayRatio=1"]), new("rr2", "RR 2", ["Agent:ReplayRatio=2"])]);

    [Fact]
    public void Every_combination_of_points_games_and_seeds_is_one_run_with_its_overrides()
    {
        var plan = ExperimentPlanner.Plan(Definition(Method, Ratio), "tiny", shards: 2);
        Assert.Equal(["dqn-rr1", "dqn-rr2", "redo-rr1", "redo-rr2"], plan.Series.Select(s => s.Id));
        Assert.Equal("DQN + ReDo · RR 2", plan.Series[3].Label);
        Assert.Equal(4 * 2 * 3, plan.Runs.Length);
        Assert.Equal(plan.Runs.Length, plan.Runs.Select(r => r.Name).Distinct().Count());
        var run = plan.Runs.Single(r => r.Name == "exp-seaquest-redo-rr2-seed3");
        Assert.Equal(["Run:LogEvery=500", "Run:EvalEpisodes=1", "Run:Game=seaquest", "Run:Frames=2000", "Redo:Enabled=true", "Agent:ReplayRatio=2"], run.Overrides);
        Assert.Equal((3, "redo-rr2", "seaquest"), (run.Seed, run.SeriesId, run.Game));
        Assert.Equal([12, 12], plan.Runs.GroupBy(r => r.Shard).Select(g => g.Count()));
    }

    [Fact]
    public void A_size_with_points_plans_only_those_points_and_refuses_ids_no_axis_has()
    {
        var d = Definition(Method, Ratio);
        var some = d with { Sizes = new Dictionary<string, ExperimentSize> { ["tiny"] = d.Sizes["tiny"] with { Points = ["dqn", "redo", "rr2"] } } };
        var plan = ExperimentPlanner.Plan(some, "tiny");
        Assert.Equal(["dqn-rr2", "redo-rr2"], plan.Series.Select(s => s.Id));
        Assert.Equal(2 * 2 * 3, plan.Runs.Length);
        Assert.All(plan.Runs, r => Assert.Contains("Agent:ReplayRatio=2", r.Overrides));

        string Problems(params string[] points) => string.Join("; ", (d with { Baseline = "dqn-rr1", Sizes = new Dictionary<string, ExperimentSize> { ["tiny"] = d.Sizes["tiny"] with { Points = points } } }).Problems());
        Assert.Contains("Points names 'rr3'", Problems("dqn", "rr1", "rr3"));
        Assert.Contains("keeps no point of axis rr", Problems("dqn", "redo"));
        Assert.Contains("leaves out the baseline series dqn-rr1", Problems("redo", "rr1"));
        Assert.Equal("", Problems("dqn", "rr1"));
    }

    [Fact]
    public void A_point_limited_to_some_games_runs_only_on_them_and_names_only_games_a_size_runs()
    {
        var cells = new ExperimentAxis("cell", [new("everywhere", "all games", []), new("one", "Seaquest only", ["Agent:ReplayRatio=4"], ["seaquest"])]);
        var plan = ExperimentPlanner.Plan(Definition(cells, Method), "tiny");
        Assert.Equal(2 * 2 * 3 + 2 * 1 * 3, plan.Runs.Length);
        Assert.All(plan.Runs.Where(r => r.SeriesId.StartsWith("one-")), r => Assert.Equal("seaquest", r.Game));
        Assert.Equal(6, plan.Runs.Count(r => r.SeriesId.StartsWith("one-")));

        string Problems(params string[] games) => string.Join("; ", Definition(new ExperimentAxis("cell", [new("x", "X", [], games)])).Problems());
        Assert.Contains("names game 'asterix', which no size runs", Problems("asterix"));
        Assert.Contains("empty Games list", Problems());
        Assert.Equal("", Problems("breakout"));
    }

    [Fact]
    public void A_point_with_its_own_seeds_replaces_the_size_s_seeds_for_its_runs_only()
    {
        var cells = new ExperimentAxis("cell", [new("two", "two games", []), new("cycle", "one cycle", ["Env:Cycle=true"], ["breakout"], "2-5")]);
        var plan = ExperimentPlanner.Plan(Definition(cells, Method), "tiny");
        Assert.Equal([1, 2, 3], plan.Runs.Where(r => r.SeriesId == "two-redo" && r.Game == "seaquest").Select(r => r.Seed));
        Assert.Equal([2, 3, 4, 5], plan.Runs.Where(r => r.SeriesId == "cycle-redo").Select(r => r.Seed));
        Assert.Equal(2 * 2 * 3 + 2 * 4, plan.Runs.Length);
        Assert.Contains("point 'x': Seeds:", string.Join("; ", Definition(new ExperimentAxis("cell", [new("x", "X", [], null, "5-2")])).Problems()));
    }

    [Fact]
    public void A_bad_definition_or_size_is_refused_naming_the_problem()
    {
        var e = Assert.Throws<ArgumentException>(() => ExperimentPlanner.Plan(Definition(Method), "full"));
        Assert.Contains("no size 'full'", e.Message);
        var bad = Definition(new ExperimentAxis("method", [new("a-b", "A", []), new("c", "C", []), new("c", "C", [])]));
        var problems = string.Join("; ", bad.Problems());
        Assert.Contains("point id 'a-b'", problems);
        Assert.Contains("'c' appears twice", problems);
    }
}
