using ReDo.NumPyRandom;
using ReDo.Pure;
using ReDo.MinAtar;
using ReDo.Pure.Config;
using ReDo.Pure.Runs;
using ReDo.Shell.Agents;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using static TorchSharp.torch;
using ReDo.Pure.Games;

namespace ReDo.Shell.Analyses;

/// <summary>
/// A run's agent as one of its checkpoints left it (networks, optimizer state, replay buffer), for the
/// paper's §3 analyses that need a trained network and the states it saw: pruning (Fig. 6), fitting
/// targets (Fig. 8) and offline training (Fig. 4). The run folder is only read.
/// </summary>
public sealed class TrainedRun : IDisposable
{
    public string Folder { get; }
    public string Name => MetricsFile.RunName(Folder);
    public ExperimentConfig Config { get; }
    public string Checkpoint { get; }
    public CheckpointManifest Manifest { get; }
    public DqnAgent Agent { get; }
    public GameId Game { get; }
    public EnvironmentOptions Options { get; }

    TrainedRun(string folder, ExperimentConfig config, LoadedCheckpoint checkpoint, DqnAgent agent)
    {
        (Folder, Config, Checkpoint, Manifest, Agent) = (folder, config, checkpoint.Name, checkpoint.Manifest, agent);
        Game = config.Run.Game.MinAtarGame;
        Options = EnvironmentOptions.From(config.Dqn.Env);
    }

    /// <summary>
    /// Loads the checkpoint written at <paramref name="frames"/> (null: the newest good one). Errors name
    /// the run folder and the checkpoints it keeps.
    /// </summary>
    public static TrainedRun Load(IRunFiles files, string folder, long? frames = null)
    {
        var configPath = Path.Combine(folder, RunLayout.Config);
        if (!files.Exists(configPath)) throw new RunFolderException($"'{folder}' is not a run folder: it has no {RunLayout.Config} (`redo train` writes one).");
        var json = files.ReadAllText(configPath);
        var config = ConfigLoader.LoadJson(json, [], configPath);
        var store = new CheckpointStore(folder, files, Sha256Text.Of(json));
        if (store.Names().Count == 0)
            throw new RunFolderException($"{folder} has no checkpoint: the analysis needs its networks and replay buffer, which `redo train` keeps in checkpoints/ (Run:KeepCheckpoints ≥ 1).");
        LoadedCheckpoint checkpoint;
        try { checkpoint = frames is { } f ? store.Load(CheckpointNames.For(f)) : store.LoadNewestGood()!; }
        catch (CheckpointRefusedException e) { throw new RunFolderException($"{folder}: {e.Message}"); }
        set_num_threads(config.Run.Threads);   // as the run trained: one core unless its config says otherwise
        var env = new MinAtarEnvironment(config.Run.Game.MinAtarGame, EnvironmentOptions.From(config.Dqn.Env));
        var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        try { DqnParts.Restore(agent, checkpoint.Parts); }
        catch (InvalidDataException e)
        {
            agent.Dispose();
            throw new RunFolderException($"{folder}: checkpoint {checkpoint.Name} does not fit this run's config ({e.Message}).");
        }
        return new TrainedRun(folder, config, checkpoint, agent);
    }

    /// <summary>The kept checkpoint whose frame count is nearest to <paramref name="fraction"/> of the run's frames (ties: the earlier).</summary>
    public static long NearestCheckpoint(IRunFiles files, string folder, double fraction)
    {
        var config = ConfigLoader.FromRunFolder(folder, files);
        var frames = files.Directories(Path.Combine(folder, RunLayout.Checkpoints)).Select(CheckpointNames.Frames).OfType<long>().Order().ToList();
        if (frames.Count == 0) throw new RunFolderException($"{folder} has no checkpoint: `redo train` keeps them in checkpoints/ (Run:KeepCheckpoints ≥ 1).");
        double wanted = fraction * config.Run.Frames;
        return frames.MinBy(f => Math.Abs(f - wanted));
    }

    /// <summary><paramref name="size"/> states drawn uniformly from the replay buffer with their own generator (never the agent's).</summary>
    public Tensor SampleStates(int size, uint seed)
    {
        var shape = Agent.Spec.Input.Shape.Select(d => (long)d).ToArray();
        var states = new float[size * shape.Aggregate(1L, (a, b) => a * b)];
        Agent.Replay.SampleStates(new RandomState(seed), size, Config.Dqn.UpdateHorizon, states);
        return tensor(states, [size, .. shape]);
    }

    public void Dispose() => Agent.Dispose();
}
