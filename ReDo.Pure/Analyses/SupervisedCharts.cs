using ReDo.Pure.Collections;
using ReDo.Pure.Metrics.Plotting;

namespace ReDo.Pure.Analyses;

/// <summary>Fig. 3's panels: per condition the mean over seeds of dormant % (τ = 0 and τ) and of accuracy, per epoch.</summary>
public static class SupervisedCharts
{
    public static IReadOnlyList<(string File, ChartSpec Spec)> All(IReadOnlyList<SupervisedEpoch> rows, double tau)
    {
        var conditions = rows.Select(r => r.Condition).Distinct().ToList();
        ValueList<ChartPoint> Mean(string condition, Func<SupervisedEpoch, double> value) =>
            rows.Where(r => r.Condition == condition).GroupBy(r => r.Epoch).OrderBy(g => g.Key)
                .Select(g => new ChartPoint(g.Key, 100 * g.Average(value))).ToValueList();
        var dormant = new ChartSpec($"supervised control: dormant neurons (mean of seeds)", "epoch", "dormant %",
            conditions.SelectMany((c, i) => new[]
            {
                new ChartSeries($"{c}, τ = {tau}", Mean(c, r => r.DormantAtTau), i),
                new ChartSeries($"{c}, τ = 0", Mean(c, r => r.DormantAtZero), i, Faint: true),
            }).ToValueList(), YMin: 0);
        var accuracy = new ChartSpec("supervised control: accuracy (mean of seeds)", "epoch", "accuracy %",
            conditions.SelectMany((c, i) => new[]
            {
                new ChartSeries($"{c}, train (current labels)", Mean(c, r => r.TrainAccuracy), i),
                new ChartSeries($"{c}, test", Mean(c, r => r.TestAccuracy), i, Faint: true),
            }).ToValueList(), YMin: 0, YMax: 100);
        return [("dormant.png", dormant), ("accuracy.png", accuracy)];
    }
}
