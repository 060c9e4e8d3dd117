namespace ReDo.Pure.Analyses;

/// <summary>
/// How far a run's dormant share rose late in training (the dormancy study's H1 statistic,
/// docs/results/dormancy-study/preregistration.md): <see cref="Final"/>, the mean of the last
/// <see cref="FinalRows"/> logged values, minus <see cref="Minimum"/>, the smallest value logged
/// before them. Only rows after the warm-up count (gradient steps &gt; 0). Percentage points.
/// </summary>
public sealed record DormancyRise(double First, double Minimum, double Final, int Rows)
{
    public const int FinalRows = 3;

    /// <summary>Final − running minimum: positive when dormancy ended above its lowest point.</summary>
    public double Rise => Final - Minimum;

    /// <summary>
    /// The rise of one run's dormant percentages, in logging order, with their gradient steps; null when
    /// fewer than <see cref="FinalRows"/> + 1 rows after the warm-up hold a value (nothing to compare yet).
    /// </summary>
    public static DormancyRise? Of(IReadOnlyList<(long GradientSteps, double DormantPct)> rows)
    {
        var learning = rows.Where(r => r.GradientSteps > 0 && double.IsFinite(r.DormantPct)).Select(r => r.DormantPct).ToList();
        if (learning.Count < FinalRows + 1) return null;
        var before = learning.Take(learning.Count - FinalRows).ToList();
        return new DormancyRise(learning[0], before.Min(), learning.Skip(learning.Count - FinalRows).Average(), learning.Count);
    }
}

/// <summary>One screened cell: its run (unique in an experiment), configuration (the series), game, rise, and what it costs to run.</summary>
public sealed record ScreenedCell(string Run, string Series, string Game, DormancyRise Rise, double Cost);

/// <summary>
/// The pre-registered rule that picks the confirmation's configurations from the screening: rank the
/// cells by rise; the first configuration is the top cell's, the second the highest-ranked cell's
/// whose configuration differs. A rise within <see cref="TieBand"/> points of the pick's is a tie,
/// reported so that the rule's tie-breaks (return drop, then cost) can be applied.
/// </summary>
public static class ConfirmationPick
{
    public const double TieBand = 1.0;

    /// <summary>The cells ranked by rise (largest first; equal rises by lower cost, then series, game and run name).</summary>
    public static IReadOnlyList<ScreenedCell> Ranked(IEnumerable<ScreenedCell> cells) =>
        [.. cells.OrderByDescending(c => c.Rise.Rise).ThenBy(c => c.Cost).ThenBy(c => c.Series, StringComparer.Ordinal).ThenBy(c => c.Game, StringComparer.Ordinal).ThenBy(c => c.Run, StringComparer.Ordinal)];

    /// <summary>Up to <paramref name="count"/> distinct configurations, best first, each with the cells that tie with its pick.</summary>
    public static IReadOnlyList<(ScreenedCell Pick, IReadOnlyList<ScreenedCell> Ties)> Pick(IEnumerable<ScreenedCell> cells, int count = 2)
    {
        var ranked = Ranked(cells);
        var picks = new List<(ScreenedCell, IReadOnlyList<ScreenedCell>)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in ranked)
        {
            if (picks.Count == count) break;
            if (!taken.Add(cell.Series)) continue;
            var ties = ranked.Where(c => c != cell && !taken.Contains(c.Series) && Math.Abs(c.Rise.Rise - cell.Rise.Rise) <= TieBand).ToList();
            picks.Add((cell, ties));
        }
        return picks;
    }
}
