using ReDo.Shell.Files;

namespace ReDo.Golden.MinAtar;

/// <summary>Where the golden MinAtar traces land in the test output (copied from data/minatar).</summary>
static class GoldenData
{
    /// <summary>The run files the tests use where the host would inject them: the real disk behind retries.</summary>
    public static readonly IRunFiles Disk = ResilientRunFiles.OnDisk();

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "minatar");

    public static string[] TraceFiles() => Directory.GetFiles(Folder, "*.trace").Order(StringComparer.Ordinal).ToArray();

    public static string[] TraceNames() => TraceFiles().Select(f => Path.GetFileName(f)!).ToArray();

    public static string File(string name) => Path.Combine(Folder, name);
}
