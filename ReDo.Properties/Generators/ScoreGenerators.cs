using FsCheck;
using FsCheck.Fluent;
using ReDo.Pure.Statistics;

namespace ReDo.Properties.Generators;

/// <summary>Score tables like a report's: 1–5 games, 1–8 runs each (unequal counts too), normalised scores with ties.</summary>
static class ScoreGenerators
{
    static readonly string[] GameNames = ["asterix", "breakout", "freeway", "seaquest", "space_invaders"];

    /// <summary>Normalised scores: mostly −1 … 2 in steps of 0.001 (ties happen), sometimes 10^−3 … 10^6 in size, either sign.</summary>
    public static readonly Gen<double> Score = Gen.OneOf(
        Gen.Choose(-1000, 2000).Select(x => x / 1000.0),
        Gen.Choose(-1000, 2000).Select(x => x / 1000.0),
        Gen.Choose(0, 3).Select(x => (double)x),
        from m in Gen.Choose(-999, 999) from e in Gen.Choose(-3, 3) select m * Math.Pow(10, e));

    public static Gen<ScoreTable> Table(int maxRuns = 8) =>
        from games in Gen.Choose(1, GameNames.Length)
        from runs in Gen.ArrayOf(Gen.Choose(1, maxRuns).SelectMany(n => Gen.ArrayOf(Score, n)), games)
        select ScoreTable.Of(runs.Select((r, i) => (GameNames[i], r)).ToArray());

    /// <summary>The same games as <paramref name="like"/>, each with its own 1–8 runs (a second method).</summary>
    public static Gen<ScoreTable> SameGames(ScoreTable like) =>
        Gen.ArrayOf(Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Score, n)), like.Games.Count)
           .Select(runs => ScoreTable.Of(like.Games.Select((g, i) => (g.Game, runs[i])).ToArray()));

    /// <summary>The table with its games and each game's runs put in an order drawn from <paramref name="seed"/>.</summary>
    public static ScoreTable Shuffled(ScoreTable t, int seed)
    {
        var rng = new System.Random(seed);
        return ScoreTable.Of(t.Games.OrderBy(_ => rng.Next())
            .Select(g => (g.Game, g.Runs.OrderBy(_ => rng.Next()).ToArray())).ToArray());
    }

    public static readonly Aggregate[] AllAggregates = Enum.GetValues<Aggregate>();
}
