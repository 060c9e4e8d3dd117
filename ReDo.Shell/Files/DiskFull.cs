namespace ReDo.Shell.Files;

/// <summary>
/// The device is full. Not transient (retrying cannot help): the run stops with the last good
/// checkpoint intact and says so; after freeing space `redo resume` continues exactly.
/// </summary>
public sealed class DiskFullException(string path, Exception inner)
    : IOException($"the disk is full (writing {path}): {inner.Message}", inner)
{
    public string Path { get; } = path;

    /// <summary>
    /// ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL (HRESULT 0x80070070 / 0x80070027) on Windows; ENOSPC (28)
    /// or EDQUOT (122, a quota) on Linux, where .NET puts the raw errno in HResult (39 there is ENOTEMPTY).
    /// </summary>
    public static bool Is(Exception e) => e switch
    {
        DiskFullException => true,
        IOException io when OperatingSystem.IsWindows() => (io.HResult & 0xFFFF) is 0x70 or 0x27,
        IOException io => io.HResult is IoErrors.NoSpace or IoErrors.QuotaExceeded,
        _ => false,
    };
}
