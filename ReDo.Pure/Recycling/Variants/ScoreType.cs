namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// How the scheduled variant ranks neurons (spec §2.3, paper Fig. 15 and Fig. 25): by ReDo's score
/// (Eq. 1, the least active first), at random (a seeded permutation of the scores), inverted (−score:
/// the most active first), or by the Continual-Backprop utility (<see cref="CbpUtility"/>, the least
/// useful first).
/// </summary>
public enum ScoreType { Redo, Random, RedoInverted, Cbp }

public static class ScoreTypes
{
    /// <summary>The reference's spellings (config key Redo:ScoreType).</summary>
    public static readonly string[] Names = ["redo", "random", "redo_inverted", "cbp"];

    public static ScoreType Parse(string name) => name switch
    {
        "redo" => ScoreType.Redo,
        "random" => ScoreType.Random,
        "redo_inverted" => ScoreType.RedoInverted,
        "cbp" => ScoreType.Cbp,
        _ => throw new ArgumentException($"unknown score type '{name}': use one of {string.Join(", ", Names)}"),
    };
}
