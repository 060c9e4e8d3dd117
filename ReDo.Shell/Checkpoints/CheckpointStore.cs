using ReDo.Pure;
using System.Text.Json;
using ReDo.Pure.Runs;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;

namespace ReDo.Shell.Checkpoints;

/// <summary>A checkpoint as loaded: its name, manifest, the verified bytes of every part, and the newer ones that were unusable.</summary>
public sealed record LoadedCheckpoint(string Name, CheckpointManifest Manifest, IReadOnlyDictionary<string, byte[]> Parts, IReadOnlyList<CheckpointVerdict> Skipped);

/// <summary>
/// &lt;run&gt;/checkpoints/ckpt-&lt;frames&gt;/: parts plus manifest.json. Writing: every part into
/// .tmp-&lt;name&gt;/ (each flushed to the device), the manifest last, then one rename of the folder, so
/// a crash leaves either the old set or the old set plus a complete new one; only then are
/// checkpoints beyond the newest K deleted. Loading verifies lengths and SHA-256 and falls back to
/// older checkpoints, naming each one it skips. On resume it also cuts the run's outputs back to the
/// checkpoint it loaded.
/// </summary>
public sealed class CheckpointStore(string runFolder, IRunFiles files, string configHash)
{
    public string Folder { get; } = Path.Combine(runFolder, RunLayout.Checkpoints);

    public IReadOnlyList<string> Names() => CheckpointNames.NewestFirst(files.Directories(Folder));

    /// <summary>Writes a complete checkpoint and applies retention; returns its name.</summary>
    public string Write(CheckpointManifest header, IReadOnlyList<(string Name, byte[] Bytes)> parts, int keep)
    {
        var name = CheckpointNames.For(header.Frames);
        var temp = Path.Combine(Folder, CheckpointNames.TempPrefix + name);
        var final = Path.Combine(Folder, name);
        files.CreateDirectory(Folder);
        files.DeleteDirectory(temp);
        files.CreateDirectory(temp);
        try
        {
            foreach (var (part, bytes) in parts) files.WriteDurable(Path.Combine(temp, part), bytes);
            var manifest = Seal(header with { Parts = [.. parts.Select(p => new CheckpointPart(p.Name, p.Bytes.Length, Sha256Text.Of(p.Bytes)))] });
            files.WriteDurable(Path.Combine(temp, RunLayout.Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, CheckpointJson.Options));
            if (files.Directories(Folder).Contains(name))
            {
                // Same frame again (stopped right after a resume, or a damaged copy): replace it via a side name.
                var old = Path.Combine(Folder, CheckpointNames.OldPrefix + name);
                files.DeleteDirectory(old);
                files.Rename(final, old);
                files.Rename(temp, final);
                files.DeleteDirectory(old);
            }
            else files.Rename(temp, final);
        }
        catch
        {
            TryDelete(temp);   // a failed write must not leave a half checkpoint that looks like work
            throw;
        }
        foreach (var stale in CheckpointRetention.ToDelete(files.Directories(Folder), keep, name))
            files.DeleteDirectory(Path.Combine(Folder, stale));
        return name;
    }

    /// <summary>The manifest with its own checksum: SHA-256 of its JSON written with the checksum empty.</summary>
    public static CheckpointManifest Seal(CheckpointManifest manifest) => manifest with { Checksum = ChecksumOf(manifest) };

    static string ChecksumOf(CheckpointManifest manifest) => Sha256Text.Of(JsonSerializer.SerializeToUtf8Bytes(manifest with { Checksum = null }, CheckpointJson.Options));

    /// <summary>
    /// Deletes leftovers of interrupted writes (.tmp-*); an .old-* copy whose replacement never
    /// arrived is renamed back (it may be the only checkpoint of that frame), otherwise deleted.
    /// </summary>
    public void CleanLeftovers()
    {
        var names = files.Directories(Folder);
        foreach (var leftover in CheckpointNames.Leftovers(names))
        {
            var original = leftover.StartsWith(CheckpointNames.OldPrefix, StringComparison.Ordinal) ? leftover[CheckpointNames.OldPrefix.Length..] : null;
            if (original is not null && !names.Contains(original)) files.Rename(Path.Combine(Folder, leftover), Path.Combine(Folder, original));
            else files.DeleteDirectory(Path.Combine(Folder, leftover));
        }
    }

    /// <summary>The newest good checkpoint; null if the folder has none at all; a refusal (corrupt only, or another config) as <see cref="CheckpointRefusedException"/>.</summary>
    public LoadedCheckpoint? LoadNewestGood()
    {
        var verdicts = new List<CheckpointVerdict>();
        var loaded = new Dictionary<string, (CheckpointManifest, Dictionary<string, byte[]>)>();
        foreach (var name in Names())
        {
            var (observation, manifest, bytes) = Observe(name);
            var verdict = CheckpointVerdict.Judge(observation, configHash);
            verdicts.Add(verdict);
            if (verdict.IsGood) { loaded[name] = (manifest!, bytes); break; }
            if (verdict.Status == CheckpointStatus.OtherConfig) break;
        }
        if (verdicts.Count == 0) return null;
        var choice = CheckpointChoice.From(verdicts);
        if (choice.Chosen is null) throw new CheckpointRefusedException(choice.Refusal!);
        var (m, parts) = loaded[choice.Chosen];
        return new LoadedCheckpoint(choice.Chosen, m, parts, choice.Skipped);
    }

    /// <summary>One named checkpoint, verified like a resume's (the §3 analyses read a chosen one, not only the newest).</summary>
    public LoadedCheckpoint Load(string name)
    {
        if (!Names().Contains(name)) throw new CheckpointRefusedException($"there is no checkpoint {name}; the run keeps {string.Join(", ", Names())}");
        var (observation, manifest, bytes) = Observe(name);
        var verdict = CheckpointVerdict.Judge(observation, configHash);
        return verdict.IsGood ? new LoadedCheckpoint(name, manifest!, bytes, [])
            : throw new CheckpointRefusedException($"checkpoint {name} is unusable: {verdict.Reason}");
    }

    (CheckpointObservation, CheckpointManifest?, Dictionary<string, byte[]>) Observe(string name)
    {
        var folder = Path.Combine(Folder, name);
        var bytes = new Dictionary<string, byte[]>();
        CheckpointManifest? manifest = null;
        string? problem = null;
        var manifestPath = Path.Combine(folder, RunLayout.Manifest);
        if (!files.Exists(manifestPath)) problem = "is missing (the write was cut off)";
        else
        {
            try { manifest = JsonSerializer.Deserialize<CheckpointManifest>(files.ReadAllBytes(manifestPath), CheckpointJson.Options); }
            catch (JsonException e) { problem = $"is unreadable ({e.Message})"; }
            if (manifest is null && problem is null) problem = "is empty";
        }
        foreach (var part in manifest?.Parts ?? [])
        {
            var path = Path.Combine(folder, part.Name);
            if (part.Name.Contains('/') || part.Name.Contains('\\') || !files.Exists(path)) continue;
            bytes[part.Name] = files.ReadAllBytes(path);
        }
        var seen = bytes.ToDictionary(kv => kv.Key, kv => ((long)kv.Value.Length, Sha256Text.Of(kv.Value)));
        return (new CheckpointObservation(name, manifest, problem, seen, manifest is null ? null : ChecksumOf(manifest)), manifest, bytes);
    }

    /// <summary>
    /// Resume: metrics.csv and the checkpoint's TensorBoard file are cut back to their lengths at the
    /// checkpoint, dormancy-log.txt to its gradient steps, and every other TensorBoard file (one per
    /// session: earlier ones, or one that ran past this checkpoint before a crash) to its events up to the
    /// checkpoint's frame. A file shorter than at the checkpoint lost rows that cannot be rebuilt.
    /// </summary>
    public void CutBackOutputs(CheckpointManifest manifest)
    {
        new DormancyLog(runFolder, files).CutBack(manifest.GradientSteps);   // first: a damaged line it refuses leaves every file as it was
        CutBack(Path.Combine(runFolder, RunLayout.Metrics), manifest.MetricsBytes);
        CutBack(Path.Combine(runFolder, manifest.TensorBoardFile), manifest.TensorBoardBytes);
        foreach (var name in files.Files(runFolder, RunLayout.TensorBoardFiles).Where(n => n != manifest.TensorBoardFile))
            EventFiles.CutBack(Path.Combine(runFolder, name), files, manifest.Frames);
    }

    /// <summary>A run folder without any checkpoint starts over: its TensorBoard files go, metrics.csv and dormancy-log.txt are emptied.</summary>
    public void ClearOutputs()
    {
        foreach (var f in files.Files(runFolder, RunLayout.TensorBoardFiles)) files.Delete(Path.Combine(runFolder, f));
        foreach (var f in new[] { RunLayout.Metrics, RunLayout.DormancyLog }) if (files.Exists(Path.Combine(runFolder, f))) files.Truncate(Path.Combine(runFolder, f), 0);
    }

    void CutBack(string path, long length)
    {
        long now = files.Length(path);
        if (now > length) files.Truncate(path, length);
        else if (now < length)
            throw new RunFolderException($"{path} has {now} bytes but had {length} at the checkpoint: rows were lost outside this program. Restore the file or start a new run (`redo train`) instead of resuming {runFolder}.");
    }

    void TryDelete(string folder)
    {
        try { files.DeleteDirectory(folder); } catch (IOException) { /* best effort; CleanLeftovers removes it at the next resume */ }
    }
}

/// <summary>No checkpoint of the run folder can be used; the message says which and why.</summary>
public sealed class CheckpointRefusedException(string message) : Exception(message);
