namespace ReDo.Pure.Statistics;

/// <summary>
/// A game's normalisation anchors: the random policy's mean return and the reference agent's score
/// (for MinAtar: the published MinAtar DQN at 5 M frames; for MuJoCo: a published SAC, docs/experiments.md).
/// Normalised = (score − random) / (reference − random), so 0 is the random policy and 1 the reference,
/// as rliable's human-normalised Atari scores. <see cref="ReferenceSource"/> says where the reference comes from.
/// </summary>
public sealed record GameNormalizer(string Game, double Random, double Reference, string ReferenceSource = GameNormalizer.MinAtarReference)
{
    public const string MinAtarReference = "MinAtar paper DQN at 5 M frames (Young & Tian 2019, digitized)";

    public double Normalize(double score)
    {
        if (!(Math.Abs(Reference - Random) > 0) || !double.IsFinite(Reference - Random))
            throw new ArgumentException($"game {Game}: reference {Reference} and random {Random} must differ to normalise");
        return (score - Random) / (Reference - Random);
    }
}

public static class Normalization
{
    /// <summary>Every game of the table normalised by its anchors; a game without anchors is an error naming it.</summary>
    public static ScoreTable Normalize(ScoreTable raw, IReadOnlyDictionary<string, GameNormalizer> anchors) =>
        new(Collections.ValueList.ToValueList(raw.Games.Select(g =>
            anchors.TryGetValue(g.Game, out var a)
                ? g with { Runs = Collections.ValueList.ToValueList(g.Runs.Select(a.Normalize)) }
                : throw new ArgumentException($"no normalisation anchors (random and reference score) for game {g.Game}"))));
}
