using System.Globalization;
using System.Text;
using ReDo.Pure.Collections;
using ReDo.Pure.Metrics.Plotting;

namespace ReDo.Pure.Analyses;

/// <summary>
/// One logged point of a network trained on fixed data (paper Fig. 8: fitting a good network's Q values;
/// Fig. 4: offline TD vs fixed random targets): the mean loss since the previous point (NaN at step 0)
/// and the dormant fractions at τ = 0 and τ on a fixed probe batch.
/// </summary>
public sealed record RegressionPoint(string Condition, long Step, double Loss, double DormantAtZero, double DormantAtTau);

/// <summary>Tables and charts of <see cref="RegressionPoint"/> curves, one series per condition.</summary>
public static class RegressionCurves
{
    public const string Header = "condition,gradient_step,loss,dormant_at_0,dormant_at_tau\n";

    public static string Line(RegressionPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Condition},{p.Step},{(double.IsNaN(p.Loss) ? "" : p.Loss.ToString("R", CultureInfo.InvariantCulture))},{p.DormantAtZero:0.######},{p.DormantAtTau:0.######}\n");

    public static string Csv(IEnumerable<RegressionPoint> points)
    {
        var sb = new StringBuilder(Header);
        foreach (var p in points) sb.Append(Line(p));
        return sb.ToString();
    }

    /// <summary>Dormant % at τ (bold) and at τ = 0 (faint) over gradient steps, per condition.</summary>
    public static ChartSpec Dormant(string title, IReadOnlyList<RegressionPoint> points, double tau)
    {
        var conditions = points.Select(p => p.Condition).Distinct().ToList();
        return new ChartSpec(title, "gradient steps", "dormant %", conditions.SelectMany((c, i) => new[]
        {
            new ChartSeries($"{c}, τ = {tau.ToString(CultureInfo.InvariantCulture)}", Series(points, c, p => 100 * p.DormantAtTau), i),
            new ChartSeries($"{c}, τ = 0", Series(points, c, p => 100 * p.DormantAtZero), i, Faint: true),
        }).ToValueList(), YMin: 0, YMax: 100);
    }

    /// <summary>Mean loss per logging interval over gradient steps, per condition.</summary>
    public static ChartSpec Loss(string title, IReadOnlyList<RegressionPoint> points) =>
        new(title, "gradient steps", "loss", points.Select(p => p.Condition).Distinct()
            .Select((c, i) => new ChartSeries(c, Series(points, c, p => p.Loss), i)).ToValueList(), YMin: 0);

    static ValueList<ChartPoint> Series(IReadOnlyList<RegressionPoint> points, string condition, Func<RegressionPoint, double> value) =>
        points.Where(p => p.Condition == condition).Select(p => new ChartPoint(p.Step, value(p))).Where(p => double.IsFinite(p.Y)).ToValueList();
}
