using ReDo.MinAtar;

namespace ReDo.Shell.Traces;

/// <summary>The settings a golden trace was recorded with (its JSON header line).</summary>
public sealed record TraceHeader(GameInfo Game, uint Seed, double StickyActionProbability, bool DifficultyRamping, int Steps)
{
    public EnvironmentOptions Options => new(StickyActionProbability, DifficultyRamping);
}

/// <summary>One record line: an <c>R</c> line (after a reset; no action) or an <c>S</c> line (after an act).</summary>
public sealed record TraceRecord(int Line, bool IsReset, GameAction Action, int Reward, bool Terminal, byte[] State);

/// <summary>A parsed golden trace file (docs/specs/minatar-spec.md §14).</summary>
public sealed record Trace(string Path, TraceHeader Header, IReadOnlyList<TraceRecord> Records);
