namespace ReDo.Pure.Runs;

/// <summary>What a checkpoint folder looks like on disk: its manifest (or why it could not be read) and each part it holds.
/// <paramref name="ManifestChecksum"/> is the SHA-256 of the manifest as read, recomputed the way it was written (null without a manifest).</summary>
public sealed record CheckpointObservation(string Name, CheckpointManifest? Manifest, string? ManifestProblem, IReadOnlyDictionary<string, (long Length, string Sha256)> Parts,
    string? ManifestChecksum = null);

public enum CheckpointStatus { Good, Corrupt, OtherConfig }

/// <summary>Whether a checkpoint can be loaded, and if not, why (in words a user can act on).</summary>
public sealed record CheckpointVerdict(string Name, CheckpointStatus Status, string Reason)
{
    public bool IsGood => Status == CheckpointStatus.Good;

    public static CheckpointVerdict Judge(CheckpointObservation o, string configHash)
    {
        CheckpointVerdict Corrupt(string why) => new(o.Name, CheckpointStatus.Corrupt, why);
        if (o.Manifest is not { } m) return Corrupt($"{CheckpointManifest.FileName} {o.ManifestProblem ?? "is missing"}");
        if (m.FormatVersion != CheckpointManifest.CurrentFormat)
            return Corrupt($"format version {m.FormatVersion}; this build reads version {CheckpointManifest.CurrentFormat}");
        if (m.Checksum is not null && !string.Equals(m.Checksum, o.ManifestChecksum, StringComparison.OrdinalIgnoreCase))
            return Corrupt($"{CheckpointManifest.FileName} fails its own SHA-256 check (it was changed after writing)");
        if (m.Parts is null || m.Parts.Count == 0) return Corrupt($"{CheckpointManifest.FileName} lists no parts");
        foreach (var part in m.Parts)
        {
            if (!o.Parts.TryGetValue(part.Name, out var seen)) return Corrupt($"{part.Name} is missing");
            if (seen.Length != part.Length) return Corrupt($"{part.Name} has {seen.Length} bytes, the manifest says {part.Length} (truncated or torn)");
            if (!string.Equals(seen.Sha256, part.Sha256, StringComparison.OrdinalIgnoreCase)) return Corrupt($"{part.Name} fails its SHA-256 check (the bytes changed after writing)");
        }
        // Checked after integrity: a damaged manifest must not pass as "another config".
        if (!string.Equals(m.ConfigHash, configHash, StringComparison.OrdinalIgnoreCase))
            return new(o.Name, CheckpointStatus.OtherConfig, $"written under another configuration (config hash {Short(m.ConfigHash)}, this run folder's config.json has {Short(configHash)})");
        return new(o.Name, CheckpointStatus.Good, "intact");
    }

    static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
