using ReDo.MinAtar;

namespace ReDo.Shell.Traces;

/// <summary>A cell whose channel differs: what the trace holds and what the replay produced.</summary>
public sealed record CellDifference(string Channel, int Y, int X, bool Expected);

/// <summary>The first record where the replay disagrees with the trace.</summary>
public sealed record Divergence(int Line, int Step, GameAction? Action, int ExpectedReward, int ActualReward,
    bool ExpectedTerminal, bool ActualTerminal, IReadOnlyList<CellDifference> Cells);

/// <summary>Outcome of replaying one trace: <see cref="Divergence"/> is null when every record matched.</summary>
public sealed record TraceVerdict(Trace Trace, Divergence? Divergence)
{
    public bool Ok => Divergence is null;
}
