using ReDo.Pure.Runs;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>
/// The layout of a queue folder: pending specs at the top, the one being run in running/, results
/// in done/ and failed/ (with &lt;name&gt;.reason.txt), run folders in runs/&lt;name&gt;/. Listings go
/// through <paramref name="Files"/> (the retrying disk).
/// </summary>
public sealed record QueueFolders(string Root, IRunFiles Files)
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
        new[] { Root, Running, Done, Failed }.Any(f => Files.Exists(Path.Combine(f, name + RunSpec.Extension)));

    public void CreateAll()
    {
        foreach (var f in new[] { Root, Running, Done, Failed, Runs }) Files.CreateDirectory(f);
    }

    IReadOnlyList<string> SpecNames(string folder) =>
        Files.Files(folder, "*" + RunSpec.Extension).Select(Path.GetFileNameWithoutExtension).ToList()!;
}
