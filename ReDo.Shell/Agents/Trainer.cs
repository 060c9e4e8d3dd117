using System.Diagnostics;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.MinAtar;
using ReDo.Shell.Config;
using ReDo.Shell.Metrics;
using ReDo.Shell.Rendering;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>What a finished run reports.</summary>
public sealed record TrainingSummary(long Frames, long Updates, double FramesPerSecond, double EvalMeanReturn, double RandomPolicyMeanReturn, string RunFolder);

/// <summary>
/// The training loop (CleanRL-style, one readable path): act ε-greedily, step MinAtar, hand the
/// transition to the agent, and every Run:LogEvery frames write a metrics row (CSV + TensorBoard)
/// and a progress line. At the end: the online weights, PNG plots and a greedy evaluation.
/// </summary>
public static class Trainer
{
    public const string WeightsFile = "online.weights";

    public static TrainingSummary Run(ExperimentConfig config, string runFolder, TextWriter progress, CancellationToken cancel = default)
    {
        var game = (GameInfo.Find(config.Run.Game) ?? throw new ArgumentException($"unknown game {config.Run.Game}")).Id;
        var options = new EnvironmentOptions(config.Env.StickyActionProbability, config.Env.DifficultyRamping, config.Env.MinimalActionSet);
        Directory.CreateDirectory(runFolder);
        File.WriteAllText(Path.Combine(runFolder, "config.json"), ConfigLoader.ToJson(config));

        set_num_threads(config.Run.Threads);
        manual_seed(config.Run.Seed);
        var env = MinAtarEnvironment.Create(game, (uint)config.Run.Seed, options);
        using var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        var layers = agent.Spec.ScoredLayers.Select(l => l.Name).ToList();
        IMetricsSink[] sinks = [new CsvMetricsWriter(runFolder, layers), new TensorBoardWriter(runFolder)];

        var observation = new float[ObservationLayout.FloatCount(env.Channels)];
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        var stats = IntervalStats.Empty;
        var recentReturns = new Queue<double>();
        double episodeReturn = 0, lastDormant = double.NaN;
        var clock = Stopwatch.StartNew();
        var intervalClock = Stopwatch.StartNew();
        long frame = 0;
        for (; frame < config.Run.Frames && !cancel.IsCancellationRequested; )
        {
            env.WriteObservation(observation);
            env.WriteObservationBits(bits);
            int action = agent.Act(observation);
            var result = env.Act(action);
            stats = agent.Observe(bits, action, result.Reward, result.Terminal, stats);
            episodeReturn += result.Reward;
            if (result.Terminal)
            {
                stats = stats.WithEpisode(episodeReturn);
                recentReturns.Enqueue(episodeReturn);
                if (recentReturns.Count > 100) recentReturns.Dequeue();
                episodeReturn = 0;
                env.Reset();
            }
            frame++;
            if (frame % config.Run.LogEvery == 0 || frame == config.Run.Frames)
            {
                var fps = config.Run.LogEvery / Math.Max(intervalClock.Elapsed.TotalSeconds, 1e-9);
                intervalClock.Restart();
                var row = stats.ToRow(frame, agent.Updates, fps, layers);
                foreach (var sink in sinks) sink.Write(row);
                if (!double.IsNaN(row.DormantAtTau)) lastDormant = row.DormantAtTau;
                var overallFps = frame / clock.Elapsed.TotalSeconds;
                var eta = TimeSpan.FromSeconds((config.Run.Frames - frame) / Math.Max(overallFps, 1e-9));
                progress.WriteLine($"frames {frame:N0}/{config.Run.Frames:N0}  {fps:N0} frames/s  ETA {eta:hh\\:mm\\:ss}  " +
                                   $"return(last {recentReturns.Count}) {(recentReturns.Count == 0 ? double.NaN : recentReturns.Average()):0.00}  " +
                                   $"dormant(τ={config.Redo.Tau}) {lastDormant:P1}  ε {agent.Epsilon:0.000}  loss {row.Loss:0.0000}");
                stats = IntervalStats.Empty;
            }
        }
        agent.Online.save(Path.Combine(runFolder, WeightsFile));
        RunPlots.Write(runFolder);
        // The same episodes' randomness for both: the learned greedy policy and the uniform random one.
        var eval = GreedyEvaluation.MeanReturn(agent, game, options, config.Run.Seed, config.Run.EvalEpisodes, config.Agent.EpsilonEval);
        var random = GreedyEvaluation.MeanReturn(agent, game, options, config.Run.Seed, config.Run.EvalEpisodes, epsilon: 1.0);
        progress.WriteLine($"done: {frame:N0} frames, {agent.Updates:N0} updates, {frame / clock.Elapsed.TotalSeconds:N0} frames/s; " +
                           $"evaluation over {config.Run.EvalEpisodes} episodes: greedy (ε = {config.Agent.EpsilonEval}) mean return {eval:0.00}, random policy {random:0.00}");
        return new TrainingSummary(frame, agent.Updates, frame / clock.Elapsed.TotalSeconds, eval, random, runFolder);
    }
}
