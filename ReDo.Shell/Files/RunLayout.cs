using ReDo.Pure.Runs;

namespace ReDo.Shell.Files;

/// <summary>
/// Every file of a run folder, named here and nowhere else. While training: config.json (the resolved
/// config; its SHA-256 ties each checkpoint to it), metrics.csv (a row per logging interval),
/// progress.csv (speed per session), dormancy-log.txt, the TensorBoard event files (one per session)
/// and checkpoints/ckpt-&lt;frames&gt;/ (manifest.json, state.json and the agent's own parts, which each
/// agent names); run.lock while a process writes. At the end: online.weights, summary.json and the
/// return and dormancy plots. The names of checkpoint folders and of the manifest live in ReDo.Pure,
/// which judges checkpoints by them, and are repeated here by reference.
/// </summary>
public static class RunLayout
{
    public const string Config = "config.json";
    public const string Metrics = "metrics.csv";
    public const string Progress = "progress.csv";
    public const string DormancyLog = "dormancy-log.txt";
    /// <summary>TorchSharp's SummaryWriter names each file itself; this matches them all.</summary>
    public const string TensorBoardFiles = "events.out.tfevents.*";
    public const string Checkpoints = CheckpointNames.Folder;
    public const string Manifest = CheckpointManifest.FileName;
    /// <summary>The runner's part of a checkpoint: frames, episode and interval accumulators, the agent's counters, the environment.</summary>
    public const string State = "state.json";
    public const string Lock = "run.lock";
    public const string Weights = "online.weights";
    public const string Summary = "summary.json";
    public const string ReturnPlot = "return.png", DormantPlot = "dormant.png";
}
