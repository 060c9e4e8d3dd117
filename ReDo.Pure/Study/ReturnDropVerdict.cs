namespace ReDo.Pure.Study;

/// <summary>
/// A confirmation cell at a high ratio, as H2 reads it: its per-game drops below the screening's RR 1
/// run (with ReDo's mean final return as <see cref="ReturnDrop.WithRedo"/>, the agent's mean as
/// <see cref="ReturnDrop.HighReturn"/>) and H4's verdict on ReDo against the agent there.
/// </summary>
public sealed record ConfirmedDrop(string Cell, IReadOnlyList<ReturnDrop> Games, Verdict Comparison);

/// <summary>
/// H2: where DQN's return at a high ratio falls below its RR 1 level by more than the rule's share,
/// ReDo recovers at least <see cref="StudyDefinition.Recovery"/> of the drop. It is decided only in a
/// confirmation cell at a high ratio, where ReDo against the agent can be decided (H4's rule): supported
/// when every counted drop is recovered and ReDo is better there, falsified when a counted drop is not
/// recovered. The screening's drops (one seed) are reported and decide nothing.
/// </summary>
public static class ReturnDropVerdict
{
    public const string Hypothesis = "H2";

    public static HypothesisVerdict Cell(ConfirmedDrop c, double share, double recovery)
    {
        var counted = c.Games.Where(g => g.Counts(share)).ToList();
        var numbers = $"{string.Join("; ", c.Games.Select(g => g.Describe(share)))}; ReDo against the agent: {HypothesisVerdict.Words(c.Comparison)}";
        Verdict v = c.Comparison == Verdict.Pending ? Verdict.Pending
            : counted.Count == 0 || c.Comparison == Verdict.Undecided ? Verdict.Undecided
            : counted.Any(g => g.RecoveryShare < recovery) ? Verdict.Falsified
            : c.Comparison == Verdict.Supported ? Verdict.Supported
            : Verdict.Undecided;
        return new HypothesisVerdict(Hypothesis, c.Cell, v, counted.Count == 0 && v == Verdict.Undecided ? numbers + "; no drop to recover" : numbers);
    }

    /// <summary>Over the study: undecided without a confirmation cell at a high ratio; else falsified by one cell, supported by one when none falsifies.</summary>
    public static HypothesisVerdict Overall(IReadOnlyList<ReturnDrop> screening, IReadOnlyList<HypothesisVerdict> cells, double share, double highRatio)
    {
        var counted = screening.Where(d => d.Counts(share)).ToList();
        var described = screening.Count == 0 ? "the screening has no high-ratio run with an RR 1 partner"
            : $"screening (one seed each, descriptive): {counted.Count} of {screening.Count} high-ratio runs dropped by the rule{(counted.Count > 0 ? $" ({string.Join("; ", counted.Select(d => d.Describe(share)))})" : "")}";
        var high = $"RR ≥ {highRatio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";
        if (cells.Count == 0)
            return new HypothesisVerdict(Hypothesis, null, Verdict.Undecided, $"no confirmation cell at {high}, where alone it is decided; {described}");
        Verdict v = cells.Any(c => c.Verdict == Verdict.Falsified) ? Verdict.Falsified
            : cells.Any(c => c.Verdict == Verdict.Pending) ? Verdict.Pending
            : cells.Any(c => c.Verdict == Verdict.Supported) ? Verdict.Supported
            : Verdict.Undecided;
        return new HypothesisVerdict(Hypothesis, null, v, $"over {cells.Count} confirmation cell(s) at {high}; {described}");
    }
}
