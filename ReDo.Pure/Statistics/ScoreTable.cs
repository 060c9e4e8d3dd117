using ReDo.Pure.Collections;

namespace ReDo.Pure.Statistics;

/// <summary>The scores of one game (one value per run, i.e. per seed) for one method.</summary>
public sealed record GameScores(string Game, ValueList<double> Runs);

/// <summary>
/// Scores of one method over several games: rliable's (runs × tasks) matrix, except that games may
/// hold different numbers of runs (a partial report). Every value must be finite.
/// </summary>
public sealed record ScoreTable(ValueList<GameScores> Games)
{
    public static ScoreTable Of(params (string Game, double[] Runs)[] games) =>
        new(games.Select(g => new GameScores(g.Game, g.Runs.ToValueList())).ToValueList());

    public int RunCount => Games.Sum(g => g.Runs.Count);

    public IEnumerable<double> AllRuns => Games.SelectMany(g => g.Runs);

    /// <summary>The problem in words, or null: no games, a game without runs, a repeated game, a non-finite score.</summary>
    public string? Problem()
    {
        if (Games.Count == 0) return "no games";
        foreach (var g in Games)
        {
            if (g.Runs.Count == 0) return $"game {g.Game} has no runs";
            if (g.Runs.Any(v => !double.IsFinite(v))) return $"game {g.Game} has a score that is not a finite number";
        }
        var twice = Games.GroupBy(g => g.Game, StringComparer.Ordinal).FirstOrDefault(x => x.Count() > 1);
        return twice is null ? null : $"game {twice.Key} appears twice";
    }

    public ScoreTable Validated() =>
        Problem() is { } p ? throw new ArgumentException($"score table: {p}") : this;

    /// <summary>The games both tables hold, in ordinal order (empty when none).</summary>
    public static IReadOnlyList<string> SharedGames(ScoreTable a, ScoreTable b) =>
        a.Games.Select(g => g.Game).Intersect(b.Games.Select(g => g.Game), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>This table restricted to <paramref name="games"/> (those it holds), in its own order.</summary>
    public ScoreTable OnGames(IReadOnlyCollection<string> games) =>
        new(Games.Where(g => games.Contains(g.Game, StringComparer.Ordinal)).ToValueList());

    /// <summary>Games in ordinal name order, runs ascending: the order every statistic works in, so none depends on input order.</summary>
    public ScoreTable Canonical() =>
        new(Games.OrderBy(g => g.Game, StringComparer.Ordinal)
                 .Select(g => g with { Runs = g.Runs.Order().ToValueList() }).ToValueList());
}
