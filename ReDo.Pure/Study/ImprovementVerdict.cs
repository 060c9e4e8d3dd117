using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using static ReDo.Pure.Reports.ReportNumbers;

namespace ReDo.Pure.Study;

/// <summary>
/// H4 in one confirmation cell: ReDo against the same agent without it, by the reports' decision rule
/// (<see cref="ComparisonDecision"/>): a verdict only when the separation floor is at most 5 %; then better when
/// P(better)'s interval lies above ½, worse (falsified) below it, and "no difference found at this
/// size" when it holds ½. Judged per cell: the preregistration states H4 for each cell.
/// </summary>
public static class ImprovementVerdict
{
    public const string Hypothesis = "H4";

    public static HypothesisVerdict Cell(SeriesResult redo, SeriesResult baseline)
    {
        var cell = $"`{redo.Series.Id}` vs `{baseline.Series.Id}`";
        bool pending = redo.Finished < redo.Planned || baseline.Finished < baseline.Planned;
        var counts = $"{redo.Finished} of {redo.Planned} vs {baseline.Finished} of {baseline.Planned} runs finished";
        if (redo.ImprovementOverBaseline is not { } poi || redo.Normalized is null || baseline.Normalized is null || redo.ComparedGames is not { } shared)
            return new HypothesisVerdict(Hypothesis, cell, pending ? Verdict.Pending : Verdict.Undecided, $"{counts}; no game both have finished runs on");
        var (a, b) = (redo.Normalized.OnGames(shared), baseline.Normalized.OnGames(shared));
        var floor = SeparationFloor.Of(a, b);
        var iqm = redo.Aggregates.TryGetValue(Aggregate.Iqm, out var x) && baseline.Aggregates.TryGetValue(Aggregate.Iqm, out var y) ? $"; IQM {Interval(x)} vs {Interval(y)}" : "";
        var numbers = $"P(better) = {Interval(poi)} ({IntervalName.OfPair(a, b)}), separation floor {Number(floor)} on {string.Join(", ", shared)}{iqm}; {counts}";
        Verdict v = pending ? Verdict.Pending : ComparisonDecision.Of(a, b, poi) switch
        {
            ComparisonOutcome.Undecidable => Verdict.Undecided,
            ComparisonOutcome.Better => Verdict.Supported,
            ComparisonOutcome.Worse => Verdict.Falsified,
            _ => Verdict.NoDifferenceFound,
        };
        return new HypothesisVerdict(Hypothesis, cell, v, v == Verdict.Undecided ? $"{numbers}; the floor is above {Number(SeparationFloor.Level)}" : numbers);
    }
}
