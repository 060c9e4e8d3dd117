using ReDo.Pure.Collections;
namespace ReDo.Pure.Runs;

/// <summary>One file of a checkpoint, as the manifest promises it: byte length and SHA-256 (lower-case hex).</summary>
public sealed record CheckpointPart(string Name, long Length, string Sha256);

/// <summary>
/// manifest.json of a checkpoint folder, written last. It names the format, the resolved config (by
/// hash, so a checkpoint cannot be continued under another config), where training stood, how long
/// metrics.csv and the TensorBoard file were at that moment (a resume cuts them back to this), and
/// every part with its checksum. <see cref="Checksum"/> is the SHA-256 of the manifest itself, written
/// with the field empty: a manifest changed after writing (one digit of MetricsBytes or ConfigHash) is
/// damaged like any part. Manifests written before it existed have none and are read as before.
/// </summary>
public sealed record CheckpointManifest(
    int FormatVersion,
    string ConfigHash,
    long Frames,
    long GradientSteps,
    long MetricsBytes,
    int MetricsRows,
    string TensorBoardFile,
    long TensorBoardBytes,
    ValueList<CheckpointPart> Parts,
    string? Checksum = null)
{
    /// <summary>Bump when any part's layout changes; older or newer checkpoints are then refused by name.</summary>
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
}
