using System.Text.RegularExpressions;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// The retry policy is not bypassed: ReDo.Shell reaches the disk through <c>IRunFiles</c> (registered once
/// as the retrying <c>ResilientRunFiles</c>), except in the files below, each with the reason it stays raw.
/// A new <c>File.</c>, <c>Directory.</c> or <c>new FileStream</c> anywhere else fails this test.
/// </summary>
public class RawFileAccessTests
{
    /// <summary>Paths under ReDo.Shell/ (a folder ends with /) and why they may touch the disk directly.</summary>
    static readonly Dictionary<string, string> Allowed = new()
    {
        ["Files/IRunFiles.cs"] = "DiskRunFiles is the one implementation over the real disk",
        ["Runs/QueueWorker.cs"] = "the worker's queue lock is a handle held for the worker's life, not a write to retry",
        ["Runs/RunFolderLock.cs"] = "the run folder's lock is a handle held while the run is written, not a write to retry",
        ["MuJoCo/"] = "the native MuJoCo loader opens model files itself: the checks must see the path it sees, and the scratch XML is written for it",
        ["Benchmarks/MuJoCoBenchmark.cs"] = "checks the model file the native loader will open",
        ["Benchmarks/UpdateBenchmark.cs"] = "a scratch Python script for the side-by-side benchmark, created and deleted within one call",
        ["Analyses/SupervisedData.cs"] = "read-only datasets of hundreds of MB, decompressed as a stream; IRunFiles reads whole files",
    };

    static readonly Regex RawCall = new(@"(?<![\w.])(System\.IO\.)?(File|Directory)\.[A-Z]\w*|new\s+(FileStream|FileInfo|DirectoryInfo|StreamWriter|StreamReader)\s*\(");

    internal static IEnumerable<string> Offences(string relativePath, IEnumerable<string> lines) =>
        lines.Select((line, i) => (line, i))
            .Where(x => !x.line.TrimStart().StartsWith("//") && RawCall.IsMatch(x.line))
            .Select(x => $"ReDo.Shell/{relativePath}:{x.i + 1}: {x.line.Trim()}");

    static bool IsAllowed(string relativePath) => Allowed.Keys.Any(relativePath.StartsWith);

    [Fact]
    public void The_shell_reaches_the_disk_through_IRunFiles()
    {
        var root = Path.Combine(RepoRoot.Find(), "ReDo.Shell");
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/") && !IsAllowed(f))
            .SelectMany(f => Offences(f, File.ReadLines(Path.Combine(root, f))))
            .ToList();
        Assert.True(offences.Count == 0,
            "raw file access in ReDo.Shell bypasses the retry policy; use the IRunFiles the host injects (or add the file to the allow-list with the reason it must stay raw):\n"
            + string.Join("\n", offences));
    }

    [Fact]
    public void The_scan_sees_raw_calls_and_not_the_seam()
    {
        Assert.Single(Offences("X.cs", ["        if (!File.Exists(path)) throw new CliError(\"…\");"]));
        Assert.Single(Offences("X.cs", ["        var s = new FileStream(path, FileMode.Open);"]));
        Assert.Single(Offences("X.cs", ["        System.IO.Directory.CreateDirectory(folder);"]));
        Assert.Empty(Offences("X.cs", ["        if (!files.Exists(path)) files.CreateDirectory(folder);", "        // File.Exists in a comment", "        var f = Path.GetFileName(p);"]));
    }
}
