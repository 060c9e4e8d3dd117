using ReDo.Shell.Agents;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>
/// Training cannot go on (a non-finite loss, a full disk). The message says why, which checkpoint is
/// kept and what to do; <see cref="Resumable"/> tells a worker whether to retry the run later
/// (disk full: yes, after space is freed) or to give it up (diverged: no, resuming would diverge again).
/// </summary>
public sealed class RunHaltedException(string message, bool resumable, Exception inner) : Exception(message, inner)
{
    public bool Resumable { get; } = resumable;

    public static RunHaltedException From(Exception e, string runFolder, string? lastCheckpoint)
    {
        var kept = lastCheckpoint is null ? "no checkpoint was written yet" : $"the last good checkpoint {lastCheckpoint} is kept";
        return e switch
        {
            NonFiniteLossException => new(e.Message.TrimEnd('.') + $"; {kept} in {runFolder}.", resumable: false, e),
            DiskFullException => new($"{e.Message}; {kept}. Free some space, then continue with: redo resume {runFolder}", resumable: true, e),
            _ => throw new ArgumentException("not a halting error", nameof(e), e),
        };
    }
}
