using ReDo.Pure;
using System.Diagnostics;
using System.Text.Json;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Metrics;
using ReDo.Pure.Runs;
using ReDo.Shell.Agents;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using ReDo.Shell.Plotting;
using static TorchSharp.torch;

namespace ReDo.Shell.Runs;

public enum RunOutcome { Finished, Stopped }

/// <summary>
/// One training run, as Dopamine's Runner: open (a new run, or resume from the newest good checkpoint)
/// → train (frames, metrics.csv, TensorBoard, progress lines, a checkpoint every Run:CheckpointEvery
/// gradient steps, at the start, at the end and when stopped) → finish (online.weights, PNG plots, a
/// greedy evaluation, summary.json). The agent and its environment come from <see cref="AgentFactory"/>
/// and are seen only through <see cref="IInteraction"/>; the agent bundles its own checkpoint parts.
/// A resumed run is bit-identical to an uninterrupted one.
/// Single-threaded by design: libtorch's dispose scopes and grad mode are per thread.
/// </summary>
public sealed class Runner : IDisposable
{
    readonly IRunFiles _files;
    readonly CheckpointStore _checkpoints;
    readonly string _configHash;
    readonly IInteraction _interaction;
    readonly IReadOnlyList<string> _layers, _extras;
    readonly CsvMetricsWriter _csv;
    readonly TensorBoardWriter _tensorBoard;
    readonly DormancyLog _dormancyLog;
    IntervalStats _stats = IntervalStats.Empty;
    Queue<double> _recentReturns = new();
    double _episodeReturn, _lastDormant = double.NaN;
    long? _lastDormantFrame;
    int _rows;
    long _checkpointedAt = -1;

    public ExperimentConfig Config { get; }
    public string RunFolder { get; }
    public IAgent Agent => _interaction.Agent;
    public long Frame { get; private set; }
    /// <summary>Mean return of the last 100 finished training episodes (raw, unclipped rewards); NaN before the first.</summary>
    public double ReturnLast100 => _recentReturns.Count == 0 ? double.NaN : _recentReturns.Average();
    /// <summary>The checkpoint this runner last wrote or was restored from.</summary>
    public string? LastCheckpoint { get; private set; }

    Runner(ExperimentConfig config, string runFolder, string configHash, IRunFiles files)
    {
        Config = config;
        RunFolder = runFolder;
        _files = files;
        _configHash = configHash;
        _checkpoints = new CheckpointStore(runFolder, files, configHash);
        set_num_threads(config.Run.Threads);
        manual_seed(config.Run.Seed);
        _interaction = AgentFactory.Create(config);
        _layers = Agent.MetricLayers;
        _extras = Agent.MetricExtras;
        _csv = new CsvMetricsWriter(runFolder, _layers, files, _extras);
        _tensorBoard = new TensorBoardWriter(runFolder, files);   // a file per session: after the cut-back on resume
        _dormancyLog = new DormancyLog(runFolder, files);
    }

    // ── Whole runs ────────────────────────────────────────────────────────────────────────────

    /// <summary>A new run from start to end (or to a stop request, which leaves a checkpoint).</summary>
    /// <param name="progress">Notes (checkpoint fallbacks, retries, the end) and, unless <paramref name="report"/> takes them, the progress lines.</param>
    public static RunSummary TrainNew(ExperimentConfig config, string runFolder, IRunFiles files, TextWriter progress, CancellationToken cancel = default,
        Action<TrainingProgress>? report = null)
    {
        AgentFactory.CheckBuildable(config);   // before the folder (and its lock) exists: a config that cannot run leaves nothing
        using var writer = RunFolderLock.Take(runFolder);
        // Checked under the lock: a second `train` that waited out the first must not write over its run.
        if (files.Exists(Path.Combine(runFolder, RunLayout.Config)))
            throw new RunFolderException($"run folder '{runFolder}' already holds a run ({RunLayout.Config}); continue it with `redo resume {runFolder}`, or choose another --out (nothing was overwritten).");
        using var runner = OpenNew(config, runFolder, files);
        return runner.TrainAndFinish(progress, cancel, report);
    }

    /// <summary>Continues a stopped or killed run from its newest good checkpoint.</summary>
    public static RunSummary Resume(string runFolder, IRunFiles files, TextWriter progress, CancellationToken cancel = default,
        Action<TrainingProgress>? report = null)
    {
        using var writer = RunFolderLock.Take(runFolder);
        using var runner = OpenResume(runFolder, files, progress.WriteLine);
        return runner.TrainAndFinish(progress, cancel, report);
    }

    /// <summary>The finished run's summary.json, or null while the run is unfinished.</summary>
    public static RunSummary? FinishedSummary(string runFolder, IRunFiles files)
    {
        var path = Path.Combine(runFolder, RunLayout.Summary);
        return files.Exists(path) ? JsonSerializer.Deserialize<RunSummary>(files.ReadAllText(path), CheckpointJson.Options) : null;
    }

    // ── Open ──────────────────────────────────────────────────────────────────────────────────

    /// <summary>A new run in an empty (or absent) folder: writes config.json and the frame-0 checkpoint.</summary>
    public static Runner OpenNew(ExperimentConfig config, string runFolder, IRunFiles files)
    {
        files.CreateDirectory(runFolder);
        var json = ConfigLoader.ToJson(config);
        files.WriteDurable(Path.Combine(runFolder, RunLayout.Config), System.Text.Encoding.UTF8.GetBytes(json));
        var runner = new Runner(config, runFolder, Sha256Text.Of(json), files);
        runner.Checkpoint();
        return runner;
    }

    /// <summary>
    /// The run in <paramref name="runFolder"/> at its newest good checkpoint (named, with every newer
    /// one that was unusable and why); the checkpoint store cuts metrics.csv, the TensorBoard files and
    /// dormancy-log.txt back to it. A folder without any checkpoint starts over from frame 0.
    /// </summary>
    public static Runner OpenResume(string runFolder, IRunFiles files, Action<string> note)
    {
        var configPath = Path.Combine(runFolder, RunLayout.Config);
        if (!files.Exists(configPath)) throw new RunFolderException($"'{runFolder}' is not a run folder: it has no {RunLayout.Config} (train writes one).");
        var json = files.ReadAllText(configPath);
        var config = ConfigLoader.LoadJson(json, [], configPath);
        var hash = Sha256Text.Of(json);
        var store = new CheckpointStore(runFolder, files, hash);
        store.CleanLeftovers();
        LoadedCheckpoint? checkpoint;
        try { checkpoint = store.LoadNewestGood(); }
        catch (CheckpointRefusedException e) { throw new RunFolderException($"{runFolder}: {e.Message}"); }
        foreach (var skipped in checkpoint?.Skipped ?? [])
            note($"checkpoint {skipped.Name} is unusable: {skipped.Reason}; trying an older one");
        if (checkpoint is null)
        {
            // Starting over would empty metrics.csv: rows without a checkpoint mean checkpoints/ was lost, not that the run never began.
            if (MetricsRowsIn(runFolder, files) is var rows and > 0)
                throw new RunFolderException($"'{runFolder}' has {rows:N0} rows of {RunLayout.Metrics} but no checkpoint ({RunLayout.Checkpoints}/ was deleted or lost); " +
                    $"resuming would start at frame 0 and empty them. Restore {RunLayout.Checkpoints}/, or train the run again into another folder (`redo train … --out`). Nothing was changed.");
            note($"{runFolder} has no checkpoint yet: starting the run from frame 0");
            store.ClearOutputs();
            var fresh = new Runner(config, runFolder, hash, files);
            fresh.Checkpoint();
            return fresh;
        }
        var m = checkpoint.Manifest;
        store.CutBackOutputs(m);
        var runner = new Runner(config, runFolder, hash, files);
        try { runner.Restore(checkpoint); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Parts that pass their checksums yet do not fit this config's networks were put there by hand from another run.
            runner.Dispose();
            throw new RunFolderException($"checkpoint {checkpoint.Name} of '{runFolder}' passes its checksums but does not fit this run ({e.Message.Split('\n')[0].Trim()}); " +
                $"its parts come from another run. Move {Path.Combine(store.Folder, checkpoint.Name)} away to resume from the checkpoint before it.", e);
        }
        note($"resuming {runFolder} from checkpoint {checkpoint.Name} (frame {m.Frames:N0} of {config.Run.Frames:N0}, {m.GradientSteps:N0} updates)");
        return runner;
    }

    static long MetricsRowsIn(string runFolder, IRunFiles files)
    {
        var path = Path.Combine(runFolder, RunLayout.Metrics);
        return files.Exists(path) ? Math.Max(0, files.ReadAllText(path).Count(c => c == '\n') - 1) : 0;
    }

    // ── Train ─────────────────────────────────────────────────────────────────────────────────

    /// <summary>Trains to the end and finishes, or stops with a checkpoint when <paramref name="cancel"/> is set; halting errors name the checkpoint kept.</summary>
    public RunSummary TrainAndFinish(TextWriter progress, CancellationToken cancel, Action<TrainingProgress>? report)
    {
        if (Frame == 0 && WarmUpCheck.Warning(Config) is { } warning) progress.WriteLine($"warning: {warning}");
        var clock = Stopwatch.StartNew();
        long startFrame = Frame;
        RunOutcome outcome;
        try { outcome = StepFrames(cancel, report ?? (p => progress.WriteLine(p.Line()))); }
        catch (Exception e) when (e is NonFiniteLossException or DiskFullException) { throw RunHaltedException.From(e, RunFolder, LastCheckpoint); }
        catch (System.Runtime.InteropServices.ExternalException e) { throw new NativeFailureException(Frame, RunFolder, LastCheckpoint, e); }
        double fps = (Frame - startFrame) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        if (outcome == RunOutcome.Stopped)
        {
            progress.WriteLine($"stopped at frame {Frame:N0} of {Config.Run.Frames:N0}; checkpoint {LastCheckpoint} written. Continue with: redo resume {RunFolder}");
            return new RunSummary(Frame, Agent.Updates, fps, double.NaN, double.NaN, RunFolder, Finished: false, ReturnLast100);
        }
        // A full disk while the finished run writes its weights or summary: the final checkpoint is kept, and resume finishes it.
        try { return Finish(progress, fps); }
        catch (DiskFullException e) { throw RunHaltedException.From(e, RunFolder, LastCheckpoint); }
    }

    /// <summary>Steps until the configured frame count (→ Finished) or until <paramref name="stop"/> is set (→ Stopped, after a checkpoint).</summary>
    public RunOutcome StepFrames(CancellationToken stop, Action<TrainingProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var intervalClock = Stopwatch.StartNew();
        long intervalStart = Frame;
        var eta = EtaEstimate.Start(WarmUpCheck.LearningFrom(Config), Frame);
        var progressPath = Path.Combine(RunFolder, RunLayout.Progress);
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
                var row = _stats.ToRow(Frame, Agent.Updates, _layers, ReturnLast100, _extras);
                _csv.Write(row);
                _tensorBoard.Write(row);
                _rows++;
                var now = new ProgressPoint(Frame, clock.Elapsed.TotalSeconds);
                eta = eta.With(now);
                _files.AppendText(progressPath, new ProgressRow(Frame, Agent.Updates, session, clock.Elapsed.TotalSeconds, fps).Format());
                if (!double.IsNaN(row.DormantAtTau)) (_lastDormant, _lastDormantFrame) = (row.DormantAtTau, Frame);
                progress?.Invoke(new TrainingProgress(Frame, Config.Run.Frames, Agent.Updates, fps, eta.FramesPerSecond(now), _recentReturns.Count,
                    ReturnLast100, Config.Redo.Tau, _lastDormant, _lastDormantFrame, Agent.Epsilon, row.Loss));
                _stats = IntervalStats.Empty;
            }
            if (CheckpointSchedule.IsDue(updatesBefore, Agent.Updates, Config.Run.CheckpointEvery)) Checkpoint();
        }
        Checkpoint();
        return RunOutcome.Finished;
    }

    /// <summary>One environment frame (the body of Dopamine's run_one_episode loop) and its bookkeeping.</summary>
    void Step()
    {
        var frame = _interaction.Frame();
        _stats = _stats.With(frame.Report);
        foreach (var update in frame.Report.Updates)
            if (update.LogEntry is { } entry) _dormancyLog.Append(entry);
        _episodeReturn += frame.Reward;
        if (frame.EpisodeEnded)
        {
            _stats = _stats.WithEpisode(_episodeReturn);
            _recentReturns.Enqueue(_episodeReturn);
            if (_recentReturns.Count > 100) _recentReturns.Dequeue();
            _episodeReturn = 0;
        }
        Frame++;
    }

    // ── Checkpoints ───────────────────────────────────────────────────────────────────────────

    /// <summary>Writes a checkpoint of the current frame (once per frame): the agent's parts, then state.json.</summary>
    public void Checkpoint()
    {
        if (_checkpointedAt == Frame) return;
        var agent = Agent.Capture();
        var state = new RunnerState(Frame, agent.EnvironmentSteps, agent.Updates, agent.ReplayAddCount, _episodeReturn, _lastDormant,
            [.. _recentReturns], agent.Random, _interaction.CaptureEnvironment(), _stats, _lastDormantFrame);
        var parts = new List<(string, byte[])>(Agent.Bundle())
        {
            (RunLayout.State, JsonSerializer.SerializeToUtf8Bytes(state, CheckpointJson.Options)),
        };
        var header = new CheckpointManifest(CheckpointManifest.CurrentFormat, _configHash, Frame, Agent.Updates,
            _files.Length(_csv.Path), _rows, Path.GetFileName(_tensorBoard.Path), _files.Length(_tensorBoard.Path), []);
        LastCheckpoint = _checkpoints.Write(header, parts, Config.Run.KeepCheckpoints);
        _checkpointedAt = Frame;
    }

    void Restore(LoadedCheckpoint checkpoint)
    {
        var state = JsonSerializer.Deserialize<RunnerState>(checkpoint.Parts[RunLayout.State], CheckpointJson.Options)
                    ?? throw new InvalidDataException($"{RunLayout.State} of {checkpoint.Name} is empty");
        Agent.Unbundle(checkpoint.Parts, state.AgentState());
        _interaction.RestoreEnvironment(state.Environment);
        _stats = state.Stats;
        _recentReturns = new Queue<double>(state.RecentReturns);
        _episodeReturn = state.EpisodeReturn;
        _lastDormant = state.LastDormant;
        _lastDormantFrame = state.LastDormantFrame;
        Frame = state.Frames;
        _rows = checkpoint.Manifest.MetricsRows;
        _checkpointedAt = Frame;
        LastCheckpoint = checkpoint.Name;
    }

    // ── Finish ────────────────────────────────────────────────────────────────────────────────

    RunSummary Finish(TextWriter progress, double fps)
    {
        // Atomically: a torn online.weights would make evaluate fail on a run that looks finished.
        _files.WriteAtomically(Path.Combine(RunFolder, RunLayout.Weights), CheckpointParts.Write(Agent.SaveWeights));
        RunPlots.Write(_files, RunFolder);
        var (eval, random) = _interaction.Evaluate(Config.Run.EvalEpisodes);
        var summary = new RunSummary(Frame, Agent.Updates, fps, eval, random, RunFolder, ReturnLast100: ReturnLast100);
        _files.WriteAtomically(Path.Combine(RunFolder, RunLayout.Summary), JsonSerializer.SerializeToUtf8Bytes(summary, CheckpointJson.Options));
        progress.WriteLine($"done: {Frame:N0} frames, {Agent.Updates:N0} updates, {fps:N0} frames/s; return(last 100) {ReturnLast100:0.00}; " +
                           $"evaluation over {Config.Run.EvalEpisodes} episodes: greedy ({(double.IsNaN(Agent.Epsilon) ? "mean action" : $"ε = {Config.Dqn.EpsilonEval}")}) mean return {eval:0.00}, random policy {random:0.00}");
        return summary;
    }

    public void Dispose() => _interaction.Dispose();
}
