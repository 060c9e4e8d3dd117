using System.Globalization;
using ReDo.Pure.Analyses;
using ReDo.Pure.Experiments;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;

namespace ReDo.Shell.Analyses;

/// <summary>
/// <c>redo analyze rise &lt;queue…&gt;</c>: the dormancy study's H1 statistic for every run of the
/// experiment queues given (finished or not), ranked, with the configurations the pre-registered rule
/// picks for the confirmation (docs/results/dormancy-study/preregistration.md).
/// </summary>
public static class DormancyRiseTable
{
    public static int Write(IRunFiles files, IReadOnlyList<string> queues, double threshold, string exclude, TextWriter output)
    {
        var cells = new List<ScreenedCell>();
        var shown = new Dictionary<string, (string State, long Frames)>(StringComparer.Ordinal);   // by run name
        foreach (var queue in queues)
        {
            var plan = ExperimentFiles.LoadManifest(files, queue).Plan;
            foreach (var status in RunStates.Of(files, queue, plan))
            {
                if (!files.Exists(Path.Combine(status.RunFolder, RunLayout.Metrics))) continue;
                var table = MetricsFile.Load(files, status.RunFolder);
                var rise = DormancyRise.Of([.. table.Rows.Select(r => (r.GradientSteps, r.DormantAtTau * 100))]);
                if (rise is null) continue;
                var frames = table.Rows.Count > 0 ? table.Rows[^1].Frames : 0;
                cells.Add(new ScreenedCell(status.Run.Name, status.Run.SeriesId, status.Run.Game, rise, ShardBalance.Cost(status.Run.Overrides, RunLength.Of(status.Run, plan.Frames))));
                shown[status.Run.Name] = (status.State.ToString().ToLowerInvariant(), frames);
            }
        }
        string F(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);
        output.WriteLine($"| run | series | game | state | frames | rows | first % | min % | final % | rise (points) | rise ≥ {F(threshold)} |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var cell in ConfirmationPick.Ranked(cells))
        {
            var (state, frames) = shown[cell.Run];
            output.WriteLine($"| {cell.Run} | {cell.Series} | {cell.Game} | {state} | {frames:N0} | {cell.Rise.Rows} | {F(cell.Rise.First)} | {F(cell.Rise.Minimum)} | " +
                $"{F(cell.Rise.Final)} | {cell.Rise.Rise.ToString("0.00", CultureInfo.InvariantCulture)} | {(cell.Rise.Rise >= threshold ? "yes" : "no")} |");
        }
        var eligible = cells.Where(c => exclude.Length == 0 || !c.Series.Contains(exclude, StringComparison.Ordinal));
        output.WriteLine();
        int k = 1;
        foreach (var (pick, ties) in ConfirmationPick.Pick(eligible))
            output.WriteLine($"pick {k++}: {pick.Series} (top cell {pick.Game}, rise {F(pick.Rise.Rise)} points)" +
                (ties.Count == 0 ? "" : $"; within {F(ConfirmationPick.TieBand)} point: {string.Join(", ", ties.Select(t => $"{t.Series} on {t.Game} ({F(t.Rise.Rise)})"))} — apply the tie-breaks"));
        return 0;
    }
}
