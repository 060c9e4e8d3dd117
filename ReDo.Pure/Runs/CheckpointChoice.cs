namespace ReDo.Pure.Runs;

/// <summary>
/// The checkpoint to resume from: the newest good one; the newer unusable ones are reported by name.
/// A checkpoint from another config is never skipped silently: it stops the resume (<see cref="Refusal"/>).
/// </summary>
public sealed record CheckpointChoice(string? Chosen, IReadOnlyList<CheckpointVerdict> Skipped, string? Refusal)
{
    /// <param name="newestFirst">Verdicts in the order the checkpoints would be tried.</param>
    public static CheckpointChoice From(IReadOnlyList<CheckpointVerdict> newestFirst)
    {
        var skipped = new List<CheckpointVerdict>();
        foreach (var v in newestFirst)
        {
            switch (v.Status)
            {
                case CheckpointStatus.Good: return new(v.Name, skipped, null);
                case CheckpointStatus.OtherConfig:
                    return new(null, skipped, $"checkpoint {v.Name} was {v.Reason}; resume only continues a run under the config it started with (start a new run with `redo train` instead)");
                default: skipped.Add(v); break;
            }
        }
        return new(null, skipped, skipped.Count == 0 ? null
            : $"no usable checkpoint: {string.Join("; ", skipped.Select(s => $"{s.Name}: {s.Reason}"))}");
    }
}
