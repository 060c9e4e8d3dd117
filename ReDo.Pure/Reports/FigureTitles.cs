using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>A report's figure titles, each naming what its bands or whiskers are by the runs they rest on (<see cref="IntervalName"/>).</summary>
public static class FigureTitles
{
    public static string Returns(string game, IReadOnlyList<CurveBand> bands) =>
        $"Learning curves, {game} (mean over seeds; {CurveBands.Describe(bands)})";

    public static string Dormant(string game, IReadOnlyList<CurveBand> bands, double tau) =>
        $"Dormant neurons, {game} (overall, at {DormancyComparison.Name(tau)}; mean over seeds; {CurveBands.Describe(bands)})";

    public static string Iqm(IReadOnlyList<SeriesResult> series) => $"IQM of normalised scores (whiskers: {Intervals(series)})";

    public static string Profiles(IReadOnlyList<SeriesResult> series) => $"Performance profiles (bands: {Intervals(series)})";

    /// <summary>The y-axis label of the dormancy figures.</summary>
    public static string DormantAxis(double tau) => $"dormant % ({DormancyComparison.Name(tau)})";

    static string Intervals(IReadOnlyList<SeriesResult> series)
    {
        var tables = series.Where(s => s.Normalized is not null).Select(s => s.Normalized!).ToList();
        if (tables.Count > 0 && tables.All(IntervalName.IsConfidenceInterval)) return "95 % stratified-bootstrap CI";
        var counts = tables.Select(t => t.RunCount).Distinct().Order().ToList();
        var runs = counts.Count == 1 ? $"{counts[0]}" : $"{counts.FirstOrDefault()}–{counts.LastOrDefault()}";
        return tables.Any(IntervalName.IsConfidenceInterval)
            ? $"95 % stratified-bootstrap CI for series with ≥ {IntervalName.MinRuns} runs (≥ {IntervalName.MinRunsPerGame} a game), a bootstrap interval that is not a 95 % CI for the others"
            : $"stratified-bootstrap interval over {runs} run{(counts.LastOrDefault() == 1 ? "" : "s")} a series, not a 95 % CI at this size";
    }
}
