namespace ReDo.Pure.Reports;

/// <summary>
/// The one τ a report compares every series' dormancy at. Runs may recycle at different τ (the
/// paper's rule gives 0.025 at RR 0.25, 0.1 elsewhere), so their τ columns are not comparable. The
/// report takes the τ all runs share when they share one; else 0.1, the paper's figures' τ, when
/// every run logged it; else τ = 0, which every run logs.
/// </summary>
public static class DormancyComparison
{
    public const double Tenth = 0.1;

    /// <summary>The τ to compare <paramref name="runs"/> at (runs without curves are left out; none → 0.1).</summary>
    public static double Choose(IReadOnlyList<RunCurves> runs)
    {
        if (runs.Count == 0) return Tenth;
        var taus = runs.Select(r => r.Tau).Distinct().ToList();
        if (taus.Count == 1 && double.IsFinite(taus[0]) && runs.All(r => r.DormantAt(taus[0]) is not null)) return taus[0];
        return runs.All(r => r.DormantAt(Tenth) is not null) ? Tenth : 0;
    }

    /// <summary>"τ = 0.1", "τ = 0".</summary>
    public static string Name(double tau) => $"τ = {tau.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}";
}
