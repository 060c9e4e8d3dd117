namespace ReDo.Shell.Files;

/// <summary>
/// Every file operation of a run (metrics, TensorBoard, progress, checkpoints) behind one seam, so
/// the retry layer (<see cref="ResilientRunFiles"/>) and tests' fault injection can stand in for
/// the disk. Appends and durable writes are on disk when they return (flushed to the device).
/// </summary>
public interface IRunFiles
{
    /// <summary>Whether a file (not a folder) exists.</summary>
    bool Exists(string path);
    bool DirectoryExists(string path);
    string ReadAllText(string path);
    byte[] ReadAllBytes(string path);
    void AppendText(string path, string text);
    void AppendBytes(string path, ReadOnlySpan<byte> bytes);
    /// <summary>
    /// An append made by a library that opens <paramref name="path"/> itself (TorchSharp's TensorBoard
    /// writer): <paramref name="write"/> appends to it. Same promises as <see cref="AppendBytes"/>: on
    /// disk when this returns, and idempotent under the retry layer.
    /// </summary>
    void AppendBy(string path, Action write);
    /// <summary>Length in bytes; 0 for a missing file.</summary>
    long Length(string path);
    /// <summary>Cuts a file back to <paramref name="length"/> bytes (a resume drops rows written after its checkpoint).</summary>
    void Truncate(string path, long length);
    /// <summary>Creates or replaces the file with exactly these bytes, flushed to the device.</summary>
    void WriteDurable(string path, ReadOnlySpan<byte> bytes);
    void Delete(string path);
    /// <summary>Renames a file or a folder; atomic within one file system (POSIX rename).</summary>
    void Rename(string from, string to);
    void CreateDirectory(string path);
    void DeleteDirectory(string path);
    /// <summary>Names (not paths) of the sub-folders; none for a missing folder.</summary>
    IReadOnlyList<string> Directories(string path);
    /// <summary>Names (not paths) of the files matching a pattern such as "*.json"; none for a missing folder.</summary>
    IReadOnlyList<string> Files(string path, string pattern);
}

/// <summary>
/// The real disk: each append opens, writes, flushes to the device and closes the file. A durable write
/// and a rename also flush the folder that holds the name (<see cref="DirectorySync"/>), so that after a
/// crash the file is there under its new name, not only its bytes somewhere.
/// </summary>
public sealed class DiskRunFiles(Action<string>? syncDirectory = null) : IRunFiles
{
    public static readonly DiskRunFiles Instance = new();

    readonly Action<string> _syncDirectory = syncDirectory ?? DirectorySync.Flush;

    void SyncParentOf(string path) => _syncDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");

    public bool Exists(string path) => File.Exists(path);
    public bool DirectoryExists(string path) => Directory.Exists(path);
    public string ReadAllText(string path) => File.ReadAllText(path);
    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
    public void AppendText(string path, string text) => AppendBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    public void AppendBy(string path, Action write)
    {
        write();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);   // fsync covers what the library's own handle wrote
    }

    public long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }

    public void WriteDurable(string path, ReadOnlySpan<byte> bytes)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        SyncParentOf(path);
    }

    public void Delete(string path) => File.Delete(path);

    public void Rename(string from, string to)
    {
        if (Directory.Exists(from))
        {
            // .NET reports this clash with a generic HResult; EEXIST lets the retry layer see it cannot clear.
            if (Directory.Exists(to) || File.Exists(to)) throw new IOException($"cannot rename '{from}' to '{to}': that name exists already", IoErrors.Exists);
            Directory.Move(from, to);
        }
        else File.Move(from, to, overwrite: true);
        SyncParentOf(to);
        if (Path.GetDirectoryName(Path.GetFullPath(from)) != Path.GetDirectoryName(Path.GetFullPath(to))) SyncParentOf(from);   // the old name's removal
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public IReadOnlyList<string> Directories(string path) =>
        Directory.Exists(path) ? Directory.GetDirectories(path).Select(d => Path.GetFileName(d)!).ToList() : [];

    public IReadOnlyList<string> Files(string path, string pattern) =>
        Directory.Exists(path) ? Directory.GetFiles(path, pattern).Select(f => Path.GetFileName(f)!).ToList() : [];
}
