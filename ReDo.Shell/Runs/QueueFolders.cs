using ReDo.Pure.Runs;

namespace ReDo.Shell.Runs;

/// <summary>
/// The layout of a queue folder: pending specs at the top, the one being run in running/, results
/// in done/ and failed/ (with &lt;name&gt;.reason.txt), run folders in runs/&lt;name&gt;/.
/// </summary>
public sealed record QueueFolders(string Root)
{
    public string Running => Path.Combine(Root, "running");
    public string Done => Path.Combine(Root, "done");
    public string Failed => Path.Combine(Root, "failed");
    public string Runs => Path.Combine(Root, "runs");
    public string Lock => Path.Combine(Root, "worker.lock");

    public string RunFolder(string name) => Path.Combine(Runs, name);

    public IReadOnlyList<string> Pending() => SpecNames(Root);
    public IReadOnlyList<string> InRunning() => SpecNames(Running);

    /// <summary>Whether a spec of this name is anywhere in the queue already (a sweep never queues a run twice).</summary>
    public bool Holds(string name) =>
        new[] { Root, Running, Done, Failed }.Any(f => File.Exists(Path.Combine(f, name + RunSpec.Extension)));

    public void CreateAll()
    {
        foreach (var f in new[] { Root, Running, Done, Failed, Runs }) Directory.CreateDirectory(f);
    }

    static IReadOnlyList<string> SpecNames(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + RunSpec.Extension).Select(Path.GetFileNameWithoutExtension).ToList()! : [];
}
