using ReDo.Pure.Collections;

namespace ReDo.Pure.Runs;

/// <summary>Why the file system refused a path, as far as the error and the folders on the way tell.</summary>
public enum PathProblem
{
    /// <summary>ENOSPC or a quota.</summary>
    DiskFull,
    /// <summary>EROFS: the path lies on a file system mounted read-only.</summary>
    ReadOnly,
    /// <summary>EACCES / EPERM.</summary>
    Denied,
    /// <summary>A file stands where a folder is needed: an ancestor of the path, or the path itself when a folder was to be made.</summary>
    FileOnTheWay,
    /// <summary>Under /proc or /sys, the kernel's file systems, which take no new files.</summary>
    KernelFileSystem,
    /// <summary>The path (or its folder) does not exist.</summary>
    Missing,
    /// <summary>Anything else; the system's own words are all there is.</summary>
    Other,
}

/// <summary>
/// A refusal of the file system in one line that names the problem and the fix (what `RedoCli` prints
/// with exit code 3). <paramref name="Culprit"/> is the path that is the problem (the file on the way,
/// the kernel's folder) when it is not <paramref name="Path"/>; <paramref name="Detail"/> is the system's message.
/// </summary>
public sealed record PathRefusal(PathProblem Problem, string? Path, string? Culprit, string Detail)
{
    /// <summary>Kernel file systems that never take a new file; a path under one is refused as such.</summary>
    public static readonly ValueList<string> KernelRoots = ["/proc", "/sys"];

    public static string? KernelRootOf(string fullPath) =>
        KernelRoots.FirstOrDefault(root => fullPath == root || fullPath.StartsWith(root + "/", StringComparison.Ordinal));

    /// <summary>
    /// The line, ending with what stays true whatever the problem: nothing already written was lost.
    /// <paramref name="pathOptions"/> are the command's options that choose where it writes (--out, --queue), named in the fix.
    /// </summary>
    public string Message(IReadOnlyList<string> pathOptions)
    {
        // A command without --out or --queue (resume) writes where it must: the fix is to the folder, not the command.
        var elsewhere = pathOptions.Count == 0 ? "" : $" ({string.Join(", ", pathOptions)})";
        bool canMove = pathOptions.Count > 0;
        return Problem switch
        {
            PathProblem.DiskFull => $"the disk is full (writing '{Path}'): free some space, then run the command again",
            PathProblem.ReadOnly when canMove => $"'{Path}' is on a read-only file system: make it writable (remount it) or write somewhere else{elsewhere}",
            PathProblem.ReadOnly => $"'{Path}' is on a read-only file system: make it writable (remount it), then run the command again",
            PathProblem.Denied when canMove => $"permission denied for '{Path}': choose a folder you may write{elsewhere}, or change its permissions",
            PathProblem.Denied => $"permission denied for '{Path}': change its permissions (or run as its owner), then run the command again",
            PathProblem.FileOnTheWay when Culprit == Path => $"'{Path}' is a file, not a folder: choose another path{elsewhere}",
            PathProblem.FileOnTheWay => $"'{Culprit}' is a file, not a folder, so '{Path}' cannot be made: choose a path whose folders are folders{elsewhere}",
            PathProblem.KernelFileSystem => $"'{Path}' is under {Culprit}, the kernel's file system, which takes no new files: choose a folder on a disk{elsewhere}",
            PathProblem.Missing => $"'{Path}' does not exist: check the path, or create its folder first",
            _ => $"the file system refused: {Detail.TrimEnd('.')}: check that the paths are folders you can write (not files, not read-only, with free space)",
        } + "; nothing already written was lost.";
    }
}
