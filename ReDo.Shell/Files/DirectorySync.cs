using System.Runtime.InteropServices;

namespace ReDo.Shell.Files;

/// <summary>
/// fsync of a directory: a rename, or a file's creation, is durable only once its directory is flushed
/// (POSIX: fsync of the file covers its bytes, not its name). .NET has no API for it, so this opens the
/// directory read-only and calls fsync(2) on it. Windows (NTFS journals its metadata) needs nothing.
/// File systems that cannot fsync a directory (EINVAL, ENOTSUP: some network and FUSE file systems)
/// are left as they are; any other failure is an IOException for the retry layer.
/// </summary>
public static partial class DirectorySync
{
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    const int ReadOnly = 0;   // O_RDONLY: enough to fsync a directory on Linux and macOS
    const int EINVAL = 22, ENOTSUP = 95, EOPNOTSUPP_BSD = 45;

    /// <summary>Flushes <paramref name="directory"/>'s entries to the device.</summary>
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var path = directory.Length == 0 ? "." : directory;
        int fd = Open(path, ReadOnly);
        if (fd < 0) throw Failure("open", path, Marshal.GetLastPInvokeError());
        try
        {
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() is var errno && errno is not (EINVAL or ENOTSUP or EOPNOTSUPP_BSD))
                throw Failure("fsync", path, errno);
        }
        finally { Close(fd); }
    }

    static IOException Failure(string call, string path, int errno) =>
        new($"{call} of directory '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
}
