namespace ReDo.Shell.Files;

/// <summary>
/// Which I/O failures can clear by themselves. On Linux .NET reports the raw errno as an
/// IOException's HResult; these are the ones a retry cannot fix, so they are reported at once.
/// </summary>
public static class IoErrors
{
    public const int NotPermitted = 1, NoAccess = 13, Exists = 17, NotADirectory = 20, IsADirectory = 21,
        NoSpace = 28, ReadOnlyFileSystem = 30, NotEmpty = 39, QuotaExceeded = 122;

    /// <summary>.NET's own checks before a system call (Directory.Move onto an existing folder, File.Move without overwrite) report Win32 codes on every OS.</summary>
    const int Win32FileExists = 80, Win32AlreadyExists = 183;

    static readonly HashSet<int> PermanentErrnos = [NotPermitted, NoAccess, Exists, NotADirectory, IsADirectory, NoSpace, ReadOnlyFileSystem, NotEmpty, QuotaExceeded,
        Win32FileExists, Win32AlreadyExists];

    /// <summary>Worth retrying: an I/O error that is not a full disk, a missing or malformed path, a read-only file system, a permission, or a clash of names.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        DiskFullException or FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException io when DiskFullException.Is(io) => false,
        IOException io when !OperatingSystem.IsWindows() => !PermanentErrnos.Contains(io.HResult),
        IOException => true,
        _ => false,   // UnauthorizedAccessException (EACCES, EPERM) and everything else
    };
}
