using System.Diagnostics;
using System.Text.Json;
using ReDo.Pure.Config;
using ReDo.Pure.Runs;
using ReDo.Shell.Metrics;
using ReDo.Shell.Rendering;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Agents;

/// <summary>
/// What a run reports when it finishes (written as summary.json) or stops (<see cref="Finished"/> false):
/// the final trailing mean of the last 100 training episodes (the MinAtar paper's measure), the greedy
/// evaluation (ε = Agent:EpsilonEval) and a uniformly random policy, both over the same environment seeds.
/// </summary>
public sealed record TrainingSummary(long Frames, long Updates, double FramesPerSecond, double EvalMeanReturn, double RandomPolicyMeanReturn, string RunFolder, bool Finished = true,
    double ReturnLast100 = double.NaN);

/// <summary>
/// Training from start to end: <see cref="TrainingLoop"/> runs the frames (metrics.csv, TensorBoard,
/// progress lines, checkpoints); when all frames are done, the online weights, PNG plots, a greedy
/// evaluation and summary.json. A stop request ends the loop with a checkpoint instead;
/// <see cref="Resume"/> continues from it.
/// </summary>
public static class Trainer
{
    public const string WeightsFile = "online.weights";
    public const string SummaryFile = "summary.json";

    /// <param name="progress">Notes (checkpoint fallbacks, retries, the end) and, unless <paramref name="report"/> takes them, the progress lines.</param>
    public static TrainingSummary Run(ExperimentConfig config, string runFolder, TextWriter progress, CancellationToken cancel = default,
        IRunFiles? files = null, Action<TrainingProgress>? report = null)
    {
        files ??= DefaultFiles(progress);
        using var loop = TrainingLoop.StartNew(config, runFolder, files, progress.WriteLine);
        return Continue(loop, progress, cancel, files, report);
    }

    public static TrainingSummary Resume(string runFolder, TextWriter progress, CancellationToken cancel = default,
        IRunFiles? files = null, Action<TrainingProgress>? report = null)
    {
        files ??= DefaultFiles(progress);
        using var loop = TrainingLoop.Resume(runFolder, files, progress.WriteLine);
        return Continue(loop, progress, cancel, files, report);
    }

    /// <summary>The disk behind retries; retries are reported on the progress writer.</summary>
    public static IRunFiles DefaultFiles(TextWriter progress) => new ResilientRunFiles(DiskRunFiles.Instance, onRetry: progress.WriteLine);

    /// <summary>The finished run's summary.json, or null while the run is unfinished.</summary>
    public static TrainingSummary? FinishedSummary(string runFolder)
    {
        var path = Path.Combine(runFolder, SummaryFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<TrainingSummary>(File.ReadAllText(path), CheckpointStore.Json) : null;
    }

    internal static TrainingSummary Continue(TrainingLoop loop, TextWriter progress, CancellationToken cancel, IRunFiles files, Action<TrainingProgress>? report)
    {
        var clock = Stopwatch.StartNew();
        long startFrame = loop.Frame;
        RunOutcome outcome;
        try { outcome = loop.Run(cancel, report ?? (p => progress.WriteLine(p.Line()))); }
        catch (Exception e) when (e is NonFiniteLossException or DiskFullException) { throw RunHaltedException.From(e, loop.RunFolder, loop.LastCheckpoint); }
        catch (System.Runtime.InteropServices.ExternalException e) { throw new NativeFailureException(loop.Frame, loop.RunFolder, loop.LastCheckpoint, e); }
        double fps = (loop.Frame - startFrame) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        if (outcome == RunOutcome.Stopped)
        {
            progress.WriteLine($"stopped at frame {loop.Frame:N0} of {loop.Config.Run.Frames:N0}; checkpoint {loop.LastCheckpoint} written. Continue with: redo resume {loop.RunFolder}");
            return new TrainingSummary(loop.Frame, loop.Agent.Updates, fps, double.NaN, double.NaN, loop.RunFolder, Finished: false, loop.ReturnLast100);
        }
        return Finish(loop, progress, files, fps);
    }

    static TrainingSummary Finish(TrainingLoop loop, TextWriter progress, IRunFiles files, double fps)
    {
        var config = loop.Config;
        var agent = loop.Agent;
        using (var weights = new MemoryStream())
        {
            using (var w = new BinaryWriter(weights, System.Text.Encoding.UTF8, leaveOpen: true)) agent.Online.save(w);
            files.WriteDurable(Path.Combine(loop.RunFolder, WeightsFile), weights.ToArray());
        }
        RunPlots.Write(loop.RunFolder);
        var (eval, random) = GreedyEvaluation.AgainstRandom(agent, loop.Game, loop.Options, config.Run.Seed, config.Run.EvalEpisodes, config.Agent.EpsilonEval);
        var summary = new TrainingSummary(loop.Frame, agent.Updates, fps, eval, random, loop.RunFolder, ReturnLast100: loop.ReturnLast100);
        files.WriteDurable(Path.Combine(loop.RunFolder, SummaryFile), JsonSerializer.SerializeToUtf8Bytes(summary, CheckpointStore.Json));
        progress.WriteLine($"done: {loop.Frame:N0} frames, {agent.Updates:N0} updates, {fps:N0} frames/s; return(last 100) {loop.ReturnLast100:0.00}; " +
                           $"evaluation over {config.Run.EvalEpisodes} episodes: greedy (ε = {config.Agent.EpsilonEval}) mean return {eval:0.00}, random policy {random:0.00}");
        return summary;
    }
}
