using System.Text;
using ReDo.Shell.Metrics;

namespace ReDo.Properties.Metrics;

/// <summary>A disk in a dictionary, counting appends (to check one flushed append per row).</summary>
public sealed class InMemoryRunFiles : IRunFiles
{
    public Dictionary<string, List<byte>> Files { get; } = [];
    public int Appends { get; private set; }

    public bool Exists(string path) => Files.ContainsKey(path);
    public string ReadAllText(string path) => Encoding.UTF8.GetString(Files[path].ToArray());
    public void AppendText(string path, string text) => AppendBytes(path, Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        if (!Files.TryGetValue(path, out var file)) Files[path] = file = [];
        file.AddRange(bytes.ToArray());
        Appends++;
    }

    public byte[] Bytes(string path) => Files[path].ToArray();
}
