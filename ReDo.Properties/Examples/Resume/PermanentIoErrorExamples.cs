using ReDo.Shell.Files;
using Xunit;

namespace ReDo.Properties.Examples.Resume;

/// <summary>
/// The retry layer retries only what can clear: errors the real disk gives for a path under a file
/// (ENOTDIR), a name clash (ENOTEMPTY, EEXIST), a read-only file system (EROFS) or a permission are
/// reported at once, not after six back-offs; ENOSPC (28) is a full disk and ENOTEMPTY (39) is not.
/// </summary>
public class PermanentIoErrorExamples
{
    static (IRunFiles Files, List<string> Retries) Disk()
    {
        var retries = new List<string>();
        return (new ResilientRunFiles(DiskRunFiles.Instance, maxRetries: 3, firstDelay: TimeSpan.FromMilliseconds(1), onRetry: retries.Add), retries);
    }

    [Fact]
    public void A_path_under_a_file_fails_at_once()
    {
        var file = Path.Combine(TinyRuns.NewFolder("notdir"), "file");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "x");
        var (files, retries) = Disk();
        Assert.ThrowsAny<IOException>(() => files.WriteDurable(Path.Combine(file, RunLayout.Metrics), [1, 2]));
        Assert.Empty(retries);
    }

    [Fact]
    public void Renaming_onto_a_folder_that_holds_files_fails_at_once()
    {
        var root = TinyRuns.NewFolder("notempty");
        Directory.CreateDirectory(Path.Combine(root, "a"));
        Directory.CreateDirectory(Path.Combine(root, "b"));
        File.WriteAllText(Path.Combine(root, "b", "kept"), "x");
        var (files, retries) = Disk();
        var e = Assert.ThrowsAny<IOException>(() => files.Rename(Path.Combine(root, "a"), Path.Combine(root, "b")));
        Assert.Empty(retries);
        Assert.IsNotType<DiskFullException>(e);   // "Directory not empty" is not a full disk
    }

    [Theory]
    [InlineData(IoErrors.ReadOnlyFileSystem, false)]
    [InlineData(IoErrors.NotADirectory, false)]
    [InlineData(IoErrors.Exists, false)]
    [InlineData(IoErrors.NoAccess, false)]
    [InlineData(IoErrors.NotEmpty, false)]
    [InlineData(IoErrors.NoSpace, false)]
    [InlineData(5, true)]     // EIO: a flaky device or network file system
    [InlineData(116, true)]   // ESTALE: an NFS handle that a remount renews
    public void Errnos_are_sorted_into_transient_and_permanent(int errno, bool transient)
    {
        if (OperatingSystem.IsWindows()) return;   // errno-valued HResults are Unix's
        Assert.Equal(transient, IoErrors.IsTransient(new IOException("simulated", errno)));
        Assert.False(IoErrors.IsTransient(new UnauthorizedAccessException("simulated")));
    }

    [Fact]
    public void Enospc_is_a_full_disk_and_enotempty_is_not()
    {
        if (OperatingSystem.IsWindows()) return;
        Assert.True(DiskFullException.Is(new IOException("No space left on device", 28)));
        Assert.False(DiskFullException.Is(new IOException("Directory not empty", 39)));
    }
}
