namespace ReDo.Golden.MinAtar;

/// <summary>Where the golden MinAtar traces land in the test output (copied from data/minatar).</summary>
static class GoldenData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "minatar");

    public static string[] TraceFiles() => Directory.GetFiles(Folder, "*.trace").Order(StringComparer.Ordinal).ToArray();

    public static string[] TraceNames() => TraceFiles().Select(f => Path.GetFileName(f)!).ToArray();

    public static string File(string name) => Path.Combine(Folder, name);
}
