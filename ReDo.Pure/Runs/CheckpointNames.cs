using System.Globalization;

namespace ReDo.Pure.Runs;

/// <summary>
/// Checkpoint folder names: "ckpt-" and the frame count, zero-padded so that ordinal order is
/// training order. A folder being written is ".tmp-" + its name until it is complete and renamed.
/// </summary>
public static class CheckpointNames
{
    public const string Folder = "checkpoints";
    public const string Prefix = "ckpt-";
    public const string TempPrefix = ".tmp-";
    public const string OldPrefix = ".old-";

    public static string For(long frames) => Prefix + frames.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The frame count of a complete checkpoint's name; null for anything else (temp folders, strangers).</summary>
    public static long? Frames(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length == Prefix.Length + 12
        && long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : null;

    /// <summary>Complete checkpoint names among <paramref name="names"/>, newest first.</summary>
    public static IReadOnlyList<string> NewestFirst(IEnumerable<string> names) =>
        names.Where(n => Frames(n) is not null).OrderByDescending(n => Frames(n)).ToList();

    /// <summary>Leftovers of interrupted writes or replacements, to delete before resuming.</summary>
    public static IReadOnlyList<string> Leftovers(IEnumerable<string> names) =>
        names.Where(n => n.StartsWith(TempPrefix, StringComparison.Ordinal) || n.StartsWith(OldPrefix, StringComparison.Ordinal)).ToList();
}
