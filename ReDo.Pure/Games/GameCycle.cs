using ReDo.Pure.Collections;
using ReDo.Pure.Config;

namespace ReDo.Pure.Games;

/// <summary>
/// Non-stationary play (Env:Cycle, Env:CyclePeriod): the MinAtar games take turns, each for
/// <see cref="Period"/> frames, in the listed order, round and round. Loss of plasticity is best
/// documented under such task switches, so it is where recycling is most plausibly useful.
/// Frame counts are the frames done before the step in question (0 at the start).
/// </summary>
public sealed record GameCycle(ValueList<GameId> Games, long Period)
{
    /// <summary>Which game of <see cref="Games"/> (its index) is played at the step after <paramref name="framesDone"/> frames.</summary>
    public int IndexAt(long framesDone) => (int)(framesDone / Period % Games.Count);

    /// <summary>The game played at the step after <paramref name="framesDone"/> frames.</summary>
    public GameId GameAt(long framesDone) => Games[IndexAt(framesDone)];

    /// <summary>Whether a segment ends once <paramref name="framesDone"/> frames are done: the running episode is then cut.</summary>
    public bool EndsSegment(long framesDone) => framesDone > 0 && framesDone % Period == 0;

    /// <summary>
    /// The cycle a config's Env:Cycle (comma-separated game words, e.g. "breakout,seaquest") and
    /// Env:CyclePeriod describe; null when Env:Cycle is empty (one game, the usual run).
    /// </summary>
    public static GameCycle? Of(string? cycle, long period)
    {
        if (string.IsNullOrWhiteSpace(cycle)) return null;
        var games = cycle.Split(',', StringSplitOptions.TrimEntries).Select(Game.Parse).ToList();
        if (games.Any(g => g.MinAtar is null))
            throw new ConfigException($"Env:Cycle = {cycle}: only MinAtar games can take turns ({Game.MinAtarNames})");
        return new GameCycle(games.Select(g => g.MinAtar!.Value).ToValueList(), period);
    }
}
