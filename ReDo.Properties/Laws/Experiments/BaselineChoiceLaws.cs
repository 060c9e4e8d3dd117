using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Experiments;
using ReDo.Pure.Reports;
using Xunit;

namespace ReDo.Properties.Laws.Experiments;

/// <summary>P(better) compares like with like: a point-id baseline pairs each series with the one differing only on that axis (docs/experiments.md).</summary>
public class BaselineChoiceLaws
{
    static ExperimentDefinition Definition(ExperimentAxis[] axes, string? baseline) => new(
        "exp", "Fig. 0", "a claim", "configs/minatar-breakout-dqn.json", [], axes,
        new Dictionary<string, ExperimentSize> { ["tiny"] = new(["breakout"], "1", 2_000, [], "nothing") }, [], baseline);

    /// <summary>1–3 axes of 1–4 points each, ids unique across axes.</summary>
    static readonly Gen<ExperimentAxis[]> Axes =
        Gen.Choose(1, 4).ArrayOf().Where(a => a.Length is >= 1 and <= 3).Select(sizes =>
            sizes.Select((n, k) => new ExperimentAxis($"axis{k}", [.. Enumerable.Range(0, n).Select(i => new AxisPoint($"a{k}p{i}", $"A{k} P{i}", []))])).ToArray());

    [Law(Runs = 1000)]
    public Property A_point_baseline_pairs_each_series_with_the_one_that_differs_only_on_that_axis() =>
        Prop.ForAll(Axes.SelectMany(axes => Gen.Choose(0, axes.Length - 1).SelectMany(k => Gen.Choose(0, axes[k].Points.Length - 1).Select(i => (axes, k, i)))).ToArbitrary(), t =>
        {
            var (axes, k, i) = t;
            var id = axes[k].Points[i].Id;
            var d = Definition(axes, id);
            Assert.Empty(d.Problems());
            var series = ExperimentPlanner.Plan(d, "tiny").Series;
            foreach (var s in series)
            {
                var b = BaselineChoice.For(d, series, s);
                if (s.PointIds[k] == id) { Assert.Null(b); continue; }
                Assert.NotNull(b);
                Assert.Equal(id, b!.PointIds[k]);
                for (int j = 0; j < axes.Length; j++)
                    if (j != k) Assert.Equal(s.PointIds[j], b.PointIds[j]);
            }
        });

    [Law(Runs = 500)]
    public Property A_series_baseline_is_every_other_series_baseline() =>
        Prop.ForAll(Axes.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (axes, pick) =>
        {
            var series = ExperimentPlanner.Plan(Definition(axes, null), "tiny").Series;
            var chosen = series[pick % series.Length];
            var d = Definition(axes, chosen.Id);
            Assert.Empty(d.Problems());
            foreach (var s in series)
                Assert.Equal(s.Id == chosen.Id ? null : chosen, BaselineChoice.For(d, series, s));
        });

    [Fact]
    public void Replay_ratio_compares_redo_with_dqn_at_the_same_ratio_and_names_the_comparison()
    {
        ExperimentAxis method = new("method", [new("dqn", "DQN", []), new("redo", "DQN + ReDo", [])]);
        ExperimentAxis ratio = new("replay ratio", [new("rr1", "RR 1", []), new("rr2", "RR 2", [])]);
        var d = Definition([method, ratio], "dqn");
        var series = ExperimentPlanner.Plan(d, "tiny").Series;
        Assert.Equal("dqn-rr2", BaselineChoice.For(d, series, series.Single(s => s.Id == "redo-rr2"))!.Id);
        Assert.Equal("DQN at the same setting", BaselineChoice.Describe(d, series));
        Assert.Contains("Baseline 'dqn-rr4'", string.Join("; ", Definition([method, ratio], "dqn-rr4").Problems()));
    }
}
