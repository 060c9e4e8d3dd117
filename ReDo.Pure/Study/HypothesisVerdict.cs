namespace ReDo.Pure.Study;

/// <summary>What a hypothesis's numbers say, in the preregistration's words.</summary>
public enum Verdict
{
    /// <summary>Its threshold is met with the run counts the rule asks for.</summary>
    Supported,
    /// <summary>What the preregistration says would falsify it happened.</summary>
    Falsified,
    /// <summary>H4's third outcome: the floor allows a verdict and P(better)'s interval holds ½.</summary>
    NoDifferenceFound,
    /// <summary>Every run it needs has finished and the rule cannot decide (too few runs, or exploratory by design).</summary>
    Undecided,
    /// <summary>Runs it needs have not finished: the numbers so far, no verdict.</summary>
    Pending,
}

/// <summary>One hypothesis in one cell (or over the study: <see cref="Cell"/> null), its verdict and the numbers behind it.</summary>
public sealed record HypothesisVerdict(string Hypothesis, string? Cell, Verdict Verdict, string Numbers)
{
    public static string Words(Verdict v) => v switch
    {
        Verdict.Supported => "supported",
        Verdict.Falsified => "falsified",
        Verdict.NoDifferenceFound => "no difference found at this size",
        Verdict.Undecided => "undecided",
        Verdict.Pending => "pending (runs unfinished)",
        _ => throw new ArgumentOutOfRangeException(nameof(v), v, null),
    };
}
