namespace ReDo.Pure.Runs;

/// <summary>Which checkpoints to delete after a new one is complete: all but the newest K, never the one just written.</summary>
public static class CheckpointRetention
{
    public static IReadOnlyList<string> ToDelete(IEnumerable<string> names, int keep, string justWritten)
    {
        if (keep < 1) throw new ArgumentOutOfRangeException(nameof(keep), keep, "keep at least one checkpoint");
        return CheckpointNames.NewestFirst(names).Skip(keep).Where(n => n != justWritten).ToList();
    }
}
