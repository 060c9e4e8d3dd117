using ReDo.Shell.Files;

namespace ReDo.Properties;

/// <summary>
/// Fault injection behind the files seam: the real disk, but every <see cref="FailEvery"/>-th write
/// (append, durable write, rename) fails with an IOException — half of the appends after writing
/// half of their bytes, as a real torn write would — and from write number
/// <see cref="DiskFullFromWrite"/> on, every write fails as a full disk (ENOSPC).
/// </summary>
public sealed class FlakyRunFiles(IRunFiles disk) : IRunFiles
{
    int _writes;

    public int FailEvery { get; init; }
    public int DiskFullFromWrite { get; init; } = int.MaxValue;
    /// <summary>Files whose durable writes meet a full disk (half their bytes written first), whatever the write's number.</summary>
    public Func<string, bool> DiskFullFor { get; init; } = _ => false;
    public int Failures { get; private set; }

    public bool Exists(string path) => disk.Exists(path);
    public bool DirectoryExists(string path) => disk.DirectoryExists(path);
    public string ReadAllText(string path) => disk.ReadAllText(path);
    public byte[] ReadAllBytes(string path) => disk.ReadAllBytes(path);
    public long Length(string path) => disk.Length(path);
    public void AppendText(string path, string text) => AppendBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (Fails(out var tornHalf))
        {
            if (tornHalf) disk.AppendBytes(path, bytes[..(bytes.Length / 2)]);
            throw Transient(path);
        }
        disk.AppendBytes(path, bytes);
    }

    /// <summary>A library's append: a torn failure lets it write, then cuts off the second half of what it wrote.</summary>
    public void AppendBy(string path, Action write)
    {
        if (Fails(out var tornHalf))
        {
            if (tornHalf)
            {
                long before = disk.Length(path);
                disk.AppendBy(path, write);
                disk.Truncate(path, before + (disk.Length(path) - before) / 2);
            }
            throw Transient(path);
        }
        disk.AppendBy(path, write);
    }

    public void WriteDurable(string path, ReadOnlySpan<byte> bytes)
    {
        if (DiskFullFor(path))
        {
            disk.WriteDurable(path, bytes[..(bytes.Length / 2)]);
            throw new IOException("No space left on device (simulated)", 28);
        }
        if (Fails(out var tornHalf))
        {
            if (tornHalf) disk.WriteDurable(path, bytes[..(bytes.Length / 2)]);
            throw Transient(path);
        }
        disk.WriteDurable(path, bytes);
    }

    public void Rename(string from, string to)
    {
        if (Fails(out _)) throw Transient(to);
        disk.Rename(from, to);
    }

    public void Truncate(string path, long length) => disk.Truncate(path, length);
    public void Delete(string path) => disk.Delete(path);
    public void CreateDirectory(string path) => disk.CreateDirectory(path);
    public void DeleteDirectory(string path) => disk.DeleteDirectory(path);
    public IReadOnlyList<string> Directories(string path) => disk.Directories(path);
    public IReadOnlyList<string> Files(string path, string pattern) => disk.Files(path, pattern);

    bool Fails(out bool tornHalf)
    {
        int n = ++_writes;
        tornHalf = n % 2 == 0;
        if (n >= DiskFullFromWrite) throw new IOException("No space left on device (simulated)", 28);
        if (FailEvery > 0 && n % FailEvery == 0) { Failures++; return true; }
        return false;
    }

    static IOException Transient(string path) => new($"simulated transient failure writing {path}");
}
