using System.Globalization;
using System.Text;
using ReDo.Pure.Collections;
using ReDo.Pure.Metrics.Plotting;

namespace ReDo.Pure.Analyses;

/// <summary>The pruning analysis (Fig. 6) as tables and charts over τ: what to write and draw, not how.</summary>
public static class PruneCharts
{
    public const string SummaryHeader = "tau,neurons,pruned,fraction_pruned,episodes,mean_return_full,mean_return_pruned,return_change,return_change_lower,return_change_upper,max_output_change_on_probe\n";
    public const string EpisodesHeader = "tau,episode,seed,return_full,return_pruned\n";

    public static string SummaryCsv(IReadOnlyList<PruneComparison> rows)
    {
        var sb = new StringBuilder(SummaryHeader);
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"{Num(r.Tau)},{r.Neurons},{r.Pruned},{Num(r.Fraction)},{r.FullReturns.Count},{Num(r.MeanFull)},{Num(r.MeanPruned)},{Num(r.Change.Point)},{Num(r.Change.Lower)},{Num(r.Change.Upper)},{r.MaxOutputChange.ToString("R", CultureInfo.InvariantCulture)}\n");
        return sb.ToString();
    }

    /// <param name="seeds">The environment seed of each episode, in episode order.</param>
    public static string EpisodesCsv(IReadOnlyList<PruneComparison> rows, IReadOnlyList<uint> seeds)
    {
        var sb = new StringBuilder(EpisodesHeader);
        foreach (var r in rows)
            for (int e = 0; e < r.FullReturns.Count; e++)
                sb.Append(CultureInfo.InvariantCulture, $"{Num(r.Tau)},{e},{seeds[e]},{Num(r.FullReturns[e])},{Num(r.PrunedReturns[e])}\n");
        return sb.ToString();
    }

    /// <summary>Mean greedy return over τ: the full network (flat), the pruned one, and the pruned one's 95 % interval (faint).</summary>
    public static ChartSpec Returns(string run, IReadOnlyList<PruneComparison> rows) => new(
        $"{run}: pruning τ-dormant neurons", "τ", $"mean greedy return ({rows.FirstOrDefault()?.FullReturns.Count ?? 0} episodes, same seeds)",
        ValueList.Of(
            new ChartSeries("full network", rows.Select(r => new ChartPoint(r.Tau, r.MeanFull)).ToValueList(), 0),
            new ChartSeries("dormant neurons pruned", rows.Select(r => new ChartPoint(r.Tau, r.MeanPruned)).ToValueList(), 1),
            new ChartSeries("pruned, 95 % CI of the change", rows.Select(r => new ChartPoint(r.Tau, r.MeanFull + r.Change.Lower)).ToValueList(), 1, Faint: true),
            new ChartSeries(null, rows.Select(r => new ChartPoint(r.Tau, r.MeanFull + r.Change.Upper)).ToValueList(), 1, Faint: true)),
        YMin: 0);

    public static ChartSpec Fraction(string run, IReadOnlyList<PruneComparison> rows) => new(
        $"{run}: neurons pruned (τ-dormant on the probe batch)", "τ", "pruned %",
        ValueList.Of(new ChartSeries("pruned", rows.Select(r => new ChartPoint(r.Tau, 100 * r.Fraction)).ToValueList(), 1)), YMin: 0);

    static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", CultureInfo.InvariantCulture);
}
