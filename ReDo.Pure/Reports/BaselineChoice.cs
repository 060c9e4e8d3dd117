using ReDo.Pure.Experiments;

namespace ReDo.Pure.Reports;

/// <summary>
/// Which series each series is compared with for P(better). An experiment's <c>Baseline</c> is either a
/// series id (<c>dqn-rr1</c>: every series against that one) or a point id of one axis (<c>dqn</c>): then
/// each series is compared like for like with the series that differs from it only on that axis — ReDo at
/// RR 2 against DQN at RR 2, not against DQN at RR 1 — which is how the paper reads Fig. 10.
/// </summary>
public static class BaselineChoice
{
    /// <summary>The series <paramref name="s"/> is compared with, or null (no baseline, or <paramref name="s"/> is one).</summary>
    public static Series? For(ExperimentDefinition d, IReadOnlyList<Series> series, Series s)
    {
        if (d.Baseline is not { } id) return null;
        if (series.FirstOrDefault(x => x.Id == id) is { } fixedBaseline)
            return fixedBaseline.Id == s.Id ? null : fixedBaseline;
        int axis = Array.FindIndex(d.Axes, a => a.Points.Any(p => p.Id == id));
        if (axis < 0 || s.PointIds[axis] == id) return null;
        var points = s.PointIds.ToArray();
        points[axis] = id;
        return series.FirstOrDefault(x => x.PointIds.SequenceEqual(points));
    }

    /// <summary>How the report names the comparison: the fixed series' label, or the point's label "at the same setting".</summary>
    public static string Describe(ExperimentDefinition d, IReadOnlyList<Series> series)
    {
        if (d.Baseline is not { } id) return "baseline";
        if (series.FirstOrDefault(x => x.Id == id) is { } fixedBaseline) return fixedBaseline.Label;
        var point = d.Axes.SelectMany(a => a.Points).FirstOrDefault(p => p.Id == id);
        return point is null ? "baseline" : $"{point.Label} at the same setting";
    }
}
