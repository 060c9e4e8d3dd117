namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// How the scheduled variant ranks neurons (spec §2.3, paper Fig. 15): by ReDo's score (Eq. 1, the
/// least active first), at random (a seeded permutation of the scores), or inverted (−score: the most
/// active first). The CBP utility is not here yet: it needs per-sample activations (see docs/experiments.md).
/// </summary>
public enum ScoreType { Redo, Random, RedoInverted }
