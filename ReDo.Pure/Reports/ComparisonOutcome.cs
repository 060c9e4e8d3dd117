using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>What a comparison of a series with its baseline decides, by the reports' rule (docs/statistics.md).</summary>
public enum ComparisonOutcome
{
    /// <summary>The run counts cannot reach the 5 % level (<see cref="SeparationFloor"/>): nothing is decided.</summary>
    Undecidable,
    /// <summary>P(better)'s interval lies above ½.</summary>
    Better,
    /// <summary>P(better)'s interval lies below ½.</summary>
    Worse,
    /// <summary>The floor allows a verdict and P(better)'s interval holds ½.</summary>
    NotDistinguishable,
}

/// <summary>The one decision rule every report and the study's H4 use: the floor first, then P(better)'s interval against ½.</summary>
public static class ComparisonDecision
{
    public static ComparisonOutcome Of(ScoreTable a, ScoreTable b, IntervalEstimate poi) =>
        !SeparationFloor.CanReachLevel(a, b) ? ComparisonOutcome.Undecidable
        : poi.Lower > 0.5 ? ComparisonOutcome.Better
        : poi.Upper < 0.5 ? ComparisonOutcome.Worse
        : ComparisonOutcome.NotDistinguishable;
}
