namespace ReDo.Pure.Runs;

/// <summary>
/// Which spec the worker takes next: one left in running/ by an interrupted worker comes first (it
/// has a checkpoint to continue), then the pending ones in ordinal name order (so a sweep runs in
/// the order its names sort, and two workers agree on it).
/// </summary>
public static class QueueOrder
{
    public static string? Next(IEnumerable<string> running, IEnumerable<string> pending) =>
        running.Order(StringComparer.Ordinal).FirstOrDefault() ?? pending.Order(StringComparer.Ordinal).FirstOrDefault();
}
