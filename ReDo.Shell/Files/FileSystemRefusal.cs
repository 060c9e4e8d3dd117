using System.Text.RegularExpressions;
using ReDo.Pure.Runs;

namespace ReDo.Shell.Files;

/// <summary>
/// Reads a failure of the file system as a <see cref="PathRefusal"/>: the path (a <see cref="DiskFullException"/>
/// carries it; .NET quotes it in its messages), the errno, and the folders on the way, since a file
/// among them is the real problem behind .NET's "Could not find a part of the path".
/// </summary>
public static partial class FileSystemRefusal
{
    public static PathRefusal Of(Exception e)
    {
        var path = e is DiskFullException full ? full.Path : QuotedPath(e.Message);
        PathRefusal As(PathProblem problem, string? culprit = null) => new(problem, path, culprit, e.Message);
        if (DiskFullException.Is(e)) return As(PathProblem.DiskFull);
        if (path is null) return As(PathProblem.Other);
        var fullPath = Path.GetFullPath(path);
        if (FileOnTheWay(fullPath) is { } file) return As(PathProblem.FileOnTheWay, file);
        if (e is IOException { HResult: IoErrors.Exists } && DiskRunFiles.Instance.Exists(fullPath)) return As(PathProblem.FileOnTheWay, path);   // a folder was to be made there
        if (e is IOException { HResult: IoErrors.ReadOnlyFileSystem }) return As(PathProblem.ReadOnly);
        if (e is UnauthorizedAccessException or IOException { HResult: IoErrors.NoAccess or IoErrors.NotPermitted }) return As(PathProblem.Denied);
        if (PathRefusal.KernelRootOf(fullPath) is { } kernel) return As(PathProblem.KernelFileSystem, kernel);
        if (e is FileNotFoundException or DirectoryNotFoundException) return As(PathProblem.Missing);
        return As(PathProblem.Other);
    }

    /// <summary>The ancestor of <paramref name="fullPath"/> that is a file (there is at most one: nothing exists below a file), or null.</summary>
    static string? FileOnTheWay(string fullPath)
    {
        for (var folder = Path.GetDirectoryName(fullPath); folder is not null; folder = Path.GetDirectoryName(folder))
            if (DiskRunFiles.Instance.Exists(folder)) return folder;
        return null;
    }

    /// <summary>The last absolute path .NET quoted in its message ("Could not find a part of the path '/a/b'.", "Read-only file system : '/a'").</summary>
    static string? QuotedPath(string message) => Quoted().Matches(message) is { Count: > 0 } m ? m[^1].Groups[1].Value : null;

    [GeneratedRegex("'(/[^']*)'")]
    private static partial Regex Quoted();
}
