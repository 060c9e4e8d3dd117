namespace ReDo.Shell.Metrics;

/// <summary>
/// The file operations the metrics writers need, behind a seam so a test (or a later retry /
/// fault-injection layer) can stand in for the disk. Appends are durable when they return
/// (flushed, file closed).
/// </summary>
public interface IRunFiles
{
    bool Exists(string path);
    string ReadAllText(string path);
    void AppendText(string path, string text);
    void AppendBytes(string path, ReadOnlySpan<byte> bytes);
}

/// <summary>The real disk: each append opens, writes, flushes and closes the file.</summary>
public sealed class DiskRunFiles : IRunFiles
{
    public static readonly DiskRunFiles Instance = new();

    public bool Exists(string path) => File.Exists(path);
    public string ReadAllText(string path) => File.ReadAllText(path);
    public void AppendText(string path, string text) => AppendBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }
}
