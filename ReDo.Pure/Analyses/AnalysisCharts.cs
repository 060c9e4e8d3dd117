using System.Globalization;
using System.Text;
using ReDo.Pure.Collections;
using ReDo.Pure.Metrics.Plotting;

namespace ReDo.Pure.Analyses;

/// <summary>Charts and CSV tables of the persistence (Fig. 5) and rank (Table 7) analyses: what to draw and write, not how.</summary>
public static class AnalysisCharts
{
    /// <summary>Overall overlap vs the previous step and vs the reference, in %, over gradient steps.</summary>
    public static ChartSpec Persistence(string run, IReadOnlyList<PersistenceRow> rows, MaskThreshold threshold) => new(
        $"{run}: persistence of dormant neurons (τ {(threshold == MaskThreshold.Zero ? "= 0" : "as configured")})", "schedule steps (warm-up included)", "overlap coefficient %",
        ValueList.Of(
            new ChartSeries("vs previous logging step", Points(rows, r => 100 * r.Overall.VsPrevious), 0),
            new ChartSeries("vs reference step", Points(rows, r => 100 * r.Overall.VsReference), 1)),
        YMin: 0, YMax: 100);

    public static string PersistenceCsv(IReadOnlyList<PersistenceRow> rows)
    {
        var sb = new StringBuilder("gradient_step,layer,dormant,overlap_vs_previous,overlap_vs_reference\n");
        foreach (var r in rows)
            foreach (var l in r.Layers)
                sb.Append(CultureInfo.InvariantCulture, $"{r.GradientStep},{l.Layer},{l.Dormant},{Num(l.VsPrevious)},{Num(l.VsReference)}\n");
        return sb.ToString();
    }

    /// <summary>srank_δ and the entropy effective rank of the penultimate features of each run, over gradient steps.</summary>
    public static ChartSpec Ranks(IReadOnlyList<(string Run, IReadOnlyList<DormancyLogEntry> Log)> runs) => new(
        "effective rank of the penultimate features", "schedule steps (warm-up included)", "rank",
        runs.SelectMany((r, i) => new[]
        {
            new ChartSeries($"{r.Run} srank", r.Log.Select(e => new ChartPoint(e.Masks.GradientStep, e.SRank)).ToValueList(), i),
            new ChartSeries($"{r.Run} entropy rank", r.Log.Select(e => new ChartPoint(e.Masks.GradientStep, e.EffectiveRank)).ToValueList(), i, Faint: true),
        }).ToValueList(), YMin: 0);

    public static string RanksCsv(IReadOnlyList<(string Run, IReadOnlyList<DormancyLogEntry> Log)> runs)
    {
        var sb = new StringBuilder("run,gradient_step,updates,srank,effective_rank\n");
        foreach (var (run, log) in runs)
            foreach (var e in log)
                sb.Append(CultureInfo.InvariantCulture, $"{run},{e.Masks.GradientStep},{e.Updates},{e.SRank},{Num(e.EffectiveRank)}\n");
        return sb.ToString();
    }

    static ValueList<ChartPoint> Points(IReadOnlyList<PersistenceRow> rows, Func<PersistenceRow, double> value) =>
        rows.Select(r => new ChartPoint(r.GradientStep, value(r))).Where(p => double.IsFinite(p.Y)).ToValueList();

    static string Num(double v) => double.IsNaN(v) ? "" : v.ToString("0.######", CultureInfo.InvariantCulture);
}
