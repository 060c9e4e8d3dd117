namespace ReDo.Pure.Reports;

/// <summary>
/// Which metrics.csv column a report scores runs by (an experiment file's <c>Score</c>): the MinAtar
/// paper's trailing mean of training returns, or SAC's greedy evaluation return (the paper's App. B
/// figures plot evaluation returns, docs/sac.md).
/// </summary>
public static class ScoreMeasure
{
    public const string ReturnLast100 = "return_last100";
    public const string EvalReturn = "eval_return";

    public static IReadOnlyList<string> All { get; } = [ReturnLast100, EvalReturn];

    /// <summary>What the measure is, for the report's rule and the curve axes.</summary>
    public static string Describe(string measure) => measure switch
    {
        ReturnLast100 => "`return_last100` (mean return of the last 100 training episodes)",
        EvalReturn => "`eval_return` (mean return of the greedy, mean-action policy's evaluation episodes)",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, $"use one of {string.Join(", ", All)}"),
    };

    public static string AxisLabel(string measure) => measure == EvalReturn ? "greedy evaluation return" : "return (last 100 episodes)";
}
