using System.Diagnostics;
using System.Text.Json;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Metrics;
using ReDo.MinAtar;
using ReDo.Pure.Runs;
using ReDo.Shell.Agents;
using ReDo.Shell.Analyses;
using ReDo.Shell.Config;
using ReDo.Shell.Metrics;
using static TorchSharp.torch;

namespace ReDo.Shell.Runs;

public enum RunOutcome { Finished, Stopped }

/// <summary>
/// One training run held in memory: environment, agent, the open logging interval and the run
/// folder's writers. It steps frame by frame (the loop of Trainer), writes a checkpoint every
/// Run:CheckpointEvery gradient steps, at the start, at the end and when stopped, and can be rebuilt
/// from any checkpoint so that the continued run is bit-identical to an uninterrupted one.
/// Single-threaded by design: libtorch's dispose scopes and grad mode are per thread.
/// </summary>
public sealed class TrainingLoop : IDisposable
{
    public const string ConfigFile = "config.json";

    readonly IRunFiles _files;
    readonly Action<string> _note;
    readonly CheckpointStore _checkpoints;
    readonly string _configHash;
    readonly MinAtarEnvironment _env;
    readonly IReadOnlyList<string> _layers;
    readonly CsvMetricsWriter _csv;
    readonly TensorBoardWriter _tensorBoard;
    readonly float[] _observation;
    readonly byte[] _bits;
    IntervalStats _stats = IntervalStats.Empty;
    Queue<double> _recentReturns = new();
    double _episodeReturn, _lastDormant = double.NaN;
    int _rows;
    long _checkpointedAt = -1;

    public ExperimentConfig Config { get; }
    public string RunFolder { get; }
    public DqnAgent Agent { get; }
    public GameId Game { get; }
    public EnvironmentOptions Options { get; }
    public long Frame { get; private set; }
    /// <summary>Mean return of the last 100 finished training episodes (raw, unclipped rewards); NaN before the first.</summary>
    public double ReturnLast100 => _recentReturns.Count == 0 ? double.NaN : _recentReturns.Average();
    /// <summary>The checkpoint this loop last wrote or was restored from.</summary>
    public string? LastCheckpoint { get; private set; }

    TrainingLoop(ExperimentConfig config, string runFolder, string configHash, IRunFiles files, Action<string> note, string? tensorBoardFile)
    {
        Config = config;
        RunFolder = runFolder;
        _files = files;
        _note = note;
        _configHash = configHash;
        _checkpoints = new CheckpointStore(runFolder, files, configHash);
        Game = config.Run.GameId();
        Options = config.Env.ToEnvironmentOptions();
        set_num_threads(config.Run.Threads);
        manual_seed(config.Run.Seed);
        _env = MinAtarEnvironment.Create(Game, (uint)config.Run.Seed, Options);
        Agent = new DqnAgent(config, _env.Channels, _env.ActionCount);
        _layers = Agent.Spec.ScoredLayers.Select(l => l.Name).ToList();
        _csv = new CsvMetricsWriter(runFolder, _layers, files);
        _tensorBoard = tensorBoardFile is null ? new TensorBoardWriter(runFolder, files) : TensorBoardWriter.Continue(Path.Combine(runFolder, tensorBoardFile), files);
        var dormancyLog = new DormancyLog(runFolder, files);
        Agent.DormancyLogged = dormancyLog.Append;
        _observation = new float[ObservationLayout.FloatCount(_env.Channels)];
        _bits = new byte[ObservationLayout.ByteCount(_env.Channels)];
    }

    /// <summary>A new run in an empty (or absent) folder: writes config.json and the frame-0 checkpoint.</summary>
    public static TrainingLoop StartNew(ExperimentConfig config, string runFolder, IRunFiles files, Action<string> note)
    {
        files.CreateDirectory(runFolder);
        var json = ConfigLoader.ToJson(config);
        files.WriteDurable(Path.Combine(runFolder, ConfigFile), System.Text.Encoding.UTF8.GetBytes(json));
        var loop = new TrainingLoop(config, runFolder, Sha256Text.Of(json), files, note, tensorBoardFile: null);
        loop.Checkpoint();
        return loop;
    }

    /// <summary>
    /// Continues the run in <paramref name="runFolder"/> from its newest good checkpoint (named, with
    /// every newer one that was unusable and why); metrics.csv and the TensorBoard file are cut back
    /// to that checkpoint. A folder without any checkpoint starts over from frame 0.
    /// </summary>
    public static TrainingLoop Resume(string runFolder, IRunFiles files, Action<string> note)
    {
        var configPath = Path.Combine(runFolder, ConfigFile);
        if (!files.Exists(configPath)) throw new Cli.CliError($"'{runFolder}' is not a run folder: it has no {ConfigFile} (train writes one).");
        var json = files.ReadAllText(configPath);
        var config = ConfigLoader.LoadJson(json, [], configPath);
        var hash = Sha256Text.Of(json);
        var store = new CheckpointStore(runFolder, files, hash);
        store.CleanLeftovers();
        LoadedCheckpoint? checkpoint;
        try { checkpoint = store.LoadNewestGood(); }
        catch (CheckpointRefusedException e) { throw new Cli.CliError($"{runFolder}: {e.Message}"); }
        foreach (var skipped in checkpoint?.Skipped ?? [])
            note($"checkpoint {skipped.Name} is unusable: {skipped.Reason}; trying an older one");
        if (checkpoint is null)
        {
            note($"{runFolder} has no checkpoint yet: starting the run from frame 0");
            foreach (var f in files.Files(runFolder, "events.out.tfevents.*")) files.Delete(Path.Combine(runFolder, f));
            foreach (var f in new[] { CsvMetricsWriter.FileName, DormancyLog.FileName }) if (files.Exists(Path.Combine(runFolder, f))) files.Truncate(Path.Combine(runFolder, f), 0);
            var fresh = new TrainingLoop(config, runFolder, hash, files, note, tensorBoardFile: null);
            fresh.Checkpoint();
            return fresh;
        }
        var m = checkpoint.Manifest;
        CutBack(files, Path.Combine(runFolder, CsvMetricsWriter.FileName), m.MetricsBytes, runFolder);
        CutBack(files, Path.Combine(runFolder, m.TensorBoardFile), m.TensorBoardBytes, runFolder);
        new DormancyLog(runFolder, files).CutBack(m.GradientSteps);
        var loop = new TrainingLoop(config, runFolder, hash, files, note, m.TensorBoardFile);
        loop.Restore(checkpoint);
        note($"resuming {runFolder} from checkpoint {checkpoint.Name} (frame {m.Frames:N0} of {config.Run.Frames:N0}, {m.GradientSteps:N0} gradient steps)");
        return loop;
    }

    /// <summary>Rows written after the checkpoint are dropped; a file shorter than at the checkpoint lost rows that cannot be rebuilt.</summary>
    static void CutBack(IRunFiles files, string path, long length, string runFolder)
    {
        long now = files.Length(path);
        if (now > length) files.Truncate(path, length);
        else if (now < length)
            throw new Cli.CliError($"{path} has {now} bytes but had {length} at the checkpoint: rows were lost outside this program. Restore the file or start a new run (`redo train`) instead of resuming {runFolder}.");
    }

    /// <summary>Steps until the configured frame count (→ Finished) or until <paramref name="stop"/> is set (→ Stopped, after a checkpoint).</summary>
    public RunOutcome Run(CancellationToken stop, Action<TrainingProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var intervalClock = Stopwatch.StartNew();
        long sessionStart = Frame, intervalStart = Frame;
        var progressPath = Path.Combine(RunFolder, ProgressRow.FileName);
        if (!_files.Exists(progressPath)) _files.AppendText(progressPath, ProgressRow.Header);
        int session = ProgressRow.NextSession(_files.ReadAllText(progressPath));
        while (Frame < Config.Run.Frames)
        {
            if (stop.IsCancellationRequested)
            {
                Checkpoint();
                return RunOutcome.Stopped;
            }
            long updatesBefore = Agent.Updates;
            Step();
            if (Frame % Config.Run.LogEvery == 0 || Frame == Config.Run.Frames)
            {
                var fps = (Frame - intervalStart) / Math.Max(intervalClock.Elapsed.TotalSeconds, 1e-9);   // a resumed session's first interval is partial
                intervalClock.Restart();
                intervalStart = Frame;
                var row = _stats.ToRow(Frame, Agent.Updates, _layers, ReturnLast100);
                _csv.Write(row);
                _tensorBoard.Write(row);
                _rows++;
                var sessionFps = (Frame - sessionStart) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                _files.AppendText(progressPath, new ProgressRow(Frame, Agent.Updates, session, clock.Elapsed.TotalSeconds, fps).Format());
                if (!double.IsNaN(row.DormantAtTau)) _lastDormant = row.DormantAtTau;
                progress?.Invoke(new TrainingProgress(Frame, Config.Run.Frames, Agent.Updates, fps, sessionFps, _recentReturns.Count,
                    ReturnLast100, Config.Redo.Tau, _lastDormant, Agent.Epsilon, row.Loss));
                _stats = IntervalStats.Empty;
            }
            if (CheckpointSchedule.IsDue(updatesBefore, Agent.Updates, Config.Run.CheckpointEvery)) Checkpoint();
        }
        Checkpoint();
        return RunOutcome.Finished;
    }

    /// <summary>One environment frame: act, step, store, train (the body of the original loop).</summary>
    void Step()
    {
        _env.WriteObservation(_observation);
        _env.WriteObservationBits(_bits);
        int action = Agent.Act(_observation);
        var result = _env.Act(action);
        // The agent learns from clipped rewards where Env:ClipRewards says so (Dopamine); returns are always raw.
        _stats = Agent.Observe(_bits, action, Config.Env.ClipRewards ? RewardClipping.Clip(result.Reward) : result.Reward, result.Terminal, _stats);
        _episodeReturn += result.Reward;
        if (result.Terminal)
        {
            _stats = _stats.WithEpisode(_episodeReturn);
            _recentReturns.Enqueue(_episodeReturn);
            if (_recentReturns.Count > 100) _recentReturns.Dequeue();
            _episodeReturn = 0;
            _env.Reset();
        }
        Frame++;
    }

    /// <summary>Writes a checkpoint of the current frame (once per frame).</summary>
    public void Checkpoint()
    {
        if (_checkpointedAt == Frame) return;
        var state = new TrainerState(Frame, Agent.TrainingSteps, Agent.Updates, Agent.Replay.AddCount, _episodeReturn, _lastDormant,
            [.. _recentReturns], Agent.Random.Capture(), _env.Capture(), IntervalStatsState.From(_stats));
        var parts = new List<(string, byte[])>(AgentParts.Capture(Agent))
        {
            (StatePart, JsonSerializer.SerializeToUtf8Bytes(state, CheckpointStore.Json)),
        };
        var header = new CheckpointManifest(CheckpointManifest.CurrentFormat, _configHash, Frame, Agent.Updates,
            _files.Length(_csv.Path), _rows, Path.GetFileName(_tensorBoard.Path), _files.Length(_tensorBoard.Path), []);
        LastCheckpoint = _checkpoints.Write(header, parts, Config.Run.KeepCheckpoints);
        _checkpointedAt = Frame;
    }

    const string StatePart = "state.json";

    void Restore(LoadedCheckpoint checkpoint)
    {
        var state = JsonSerializer.Deserialize<TrainerState>(checkpoint.Parts[StatePart], CheckpointStore.Json)
                    ?? throw new InvalidDataException($"{StatePart} of {checkpoint.Name} is empty");
        AgentParts.Restore(Agent, checkpoint.Parts);
        if (Agent.Replay.AddCount != state.ReplayAddCount)
            throw new InvalidDataException($"{checkpoint.Name}: the replay buffer holds {Agent.Replay.AddCount} transitions, {StatePart} says {state.ReplayAddCount}");
        Agent.RestoreCounters(state.TrainingSteps, state.Updates);
        Agent.Random.Restore(state.AgentRandom);
        _env.Restore(state.Environment);
        _stats = state.Stats.ToStats();
        _recentReturns = new Queue<double>(state.RecentReturns);
        _episodeReturn = state.EpisodeReturn;
        _lastDormant = state.LastDormant;
        Frame = state.Frames;
        _rows = checkpoint.Manifest.MetricsRows;
        _checkpointedAt = Frame;
        LastCheckpoint = checkpoint.Name;
    }

    public void Dispose() => Agent.Dispose();
}
