using System.Text;
using ReDo.Shell.Files;

namespace ReDo.Properties;

/// <summary>A disk in a dictionary, counting appends (to check one flushed append per row). Files only: no folders.</summary>
public sealed class InMemoryRunFiles : IRunFiles
{
    public Dictionary<string, List<byte>> Files { get; } = [];
    public int Appends { get; private set; }

    public bool Exists(string path) => Files.ContainsKey(path);
    public bool DirectoryExists(string path) => Files.Keys.Any(k => k.StartsWith(path + "/"));
    public string ReadAllText(string path) => Encoding.UTF8.GetString(Files[path].ToArray());
    public byte[] ReadAllBytes(string path) => Files[path].ToArray();
    public void AppendText(string path, string text) => AppendBytes(path, Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (!Files.TryGetValue(path, out var file)) Files[path] = file = [];
        file.AddRange(bytes.ToArray());
        Appends++;
    }

    public void AppendBy(string path, Action write) => throw new NotSupportedException("InMemoryRunFiles cannot hold what a library writes to the disk itself");
    public long Length(string path) => Files.TryGetValue(path, out var f) ? f.Count : 0;
    public void Truncate(string path, long length) => Files[path].RemoveRange((int)length, Files[path].Count - (int)length);
    public void WriteDurable(string path, ReadOnlySpan<byte> bytes) => Files[path] = [.. bytes.ToArray()];
    public void Delete(string path) => Files.Remove(path);
    public void Rename(string from, string to) { Files[to] = Files[from]; Files.Remove(from); }
    public void CreateDirectory(string path) { }
    public void DeleteDirectory(string path) { foreach (var k in Files.Keys.Where(k => k.StartsWith(path + "/")).ToList()) Files.Remove(k); }
    public IReadOnlyList<string> Directories(string path) => throw new NotSupportedException("InMemoryRunFiles has no folders");
    IReadOnlyList<string> IRunFiles.Files(string path, string pattern) => throw new NotSupportedException("InMemoryRunFiles has no folders");

    public byte[] Bytes(string path) => Files[path].ToArray();
}
