using System.Diagnostics;
using Xunit;

namespace ReDo.Properties;

/// <summary>
/// A folder made unwritable under a running or starting `redo`, as an outage does: as root a read-only
/// bind mount over it (the kernel answers EROFS, as a file system remounted read-only does; root
/// ignores permissions); otherwise chmod -R a-w (EACCES). Dispose undoes it.
/// </summary>
public sealed class UnwritableFolder : IDisposable
{
    public string Folder { get; }
    /// <summary>True for the read-only mount (root), false for the permissions.</summary>
    public bool ReadOnlyMount { get; }

    UnwritableFolder(string folder, bool mount) => (Folder, ReadOnlyMount) = (folder, mount);

    public static UnwritableFolder Over(string folder)
    {
        Directory.CreateDirectory(folder);
        if (Environment.IsPrivilegedProcess)
        {
            FileSystemFaults.Run("mount", "--bind", "-o", "ro", folder, folder);
            return new UnwritableFolder(folder, true);
        }
        FileSystemFaults.Run("chmod", "-R", "a-w", folder);
        return new UnwritableFolder(folder, false);
    }

    /// <summary>What the refusal must say: the file system's read-only state or the permission, whichever this is.</summary>
    public string Words => ReadOnlyMount ? "is on a read-only file system: make it writable" : "permission denied for";

    public void Dispose()
    {
        if (ReadOnlyMount) FileSystemFaults.Run("umount", "--lazy", Folder);
        else FileSystemFaults.Run("chmod", "-R", "u+w", Folder);
    }
}

/// <summary>A tmpfs of a few hundred KiB that a test fills up (a real ENOSPC); root only.</summary>
public sealed class SmallDisk : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("redo-small-disk-").FullName;

    public SmallDisk(int kibibytes) => FileSystemFaults.Run("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", Folder);

    public void Dispose()
    {
        FileSystemFaults.Run("umount", "--lazy", Folder);
        Directory.Delete(Folder);
    }

    /// <summary>Why a small tmpfs cannot be mounted here (not root, or no mount permission in this container), or null.</summary>
    public static string? Unavailable()
    {
        if (!Environment.IsPrivilegedProcess) return "needs root to mount a small tmpfs (a real full disk)";
        try { new SmallDisk(64).Dispose(); return null; }
        catch (InvalidOperationException e) { return $"cannot mount a tmpfs here: {e.Message}"; }
    }
}

/// <summary>A fact that fills a real small disk: skipped with the reason where a tmpfs cannot be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    static readonly Lazy<string?> Reason = new(SmallDisk.Unavailable);

    public SmallDiskFactAttribute()
    {
        if (Reason.Value is { } reason) Skip = reason;
    }
}

static class FileSystemFaults
{
    public static void Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)} failed ({p.ExitCode}): {error.Trim()}");
    }
}
