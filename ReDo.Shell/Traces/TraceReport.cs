namespace ReDo.Shell.Traces;

/// <summary>The text <c>redo minatar verify</c> prints for one trace.</summary>
public static class TraceReport
{
    const int MaxCellsShown = 24;

    public static string Format(TraceVerdict verdict)
    {
        var h = verdict.Trace.Header;
        var file = Path.GetFileName(verdict.Trace.Path);
        var steps = verdict.Trace.Records.Count(r => !r.IsReset);
        if (verdict.Divergence is not { } d)
            return $"OK {h.Game.Name} seed {h.Seed} {steps} steps ({file})";
        var where = d.Action is { } a ? $"step {d.Step} (action {(int)a} {a})" : $"reset after step {d.Step}";
        var lines = new List<string>
        {
            $"DIVERGED {h.Game.Name} seed {h.Seed} at {where}, {file} line {d.Line}",
            $"  reward   expected {d.ExpectedReward}, actual {d.ActualReward}",
            $"  terminal expected {(d.ExpectedTerminal ? 1 : 0)}, actual {(d.ActualTerminal ? 1 : 0)}",
        };
        if (d.Cells.Count == 0) lines.Add("  observation matches");
        else
        {
            lines.Add($"  {d.Cells.Count} cells differ (channels: {string.Join(", ", d.Cells.Select(c => c.Channel).Distinct())}):");
            lines.AddRange(d.Cells.Take(MaxCellsShown).Select(c =>
                $"    {c.Channel} at (y {c.Y}, x {c.X}): expected {(c.Expected ? 1 : 0)}, actual {(c.Expected ? 0 : 1)}"));
            if (d.Cells.Count > MaxCellsShown) lines.Add($"    … and {d.Cells.Count - MaxCellsShown} more");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
