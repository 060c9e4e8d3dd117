using ReDo.Shell.Runs;
using System.CommandLine;
using ReDo.Shell.Config;
using System.Diagnostics;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.MinAtar;
using ReDo.Shell.Agents;
using static TorchSharp.torch;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo bench train [--game breakout] [--frames 25000]</c>: end-to-end frames/s of the MinAtar paper
/// config (one update per frame, batch 32) against the original MinAtar DQN's 337 frames/s on this
/// machine, the time of an isolated update, and the same run with ReDo (F = 1000, probe 64), all in one run.
/// </summary>
public sealed class TrainBenchmark : IBenchmark
{
    const double OriginalFramesPerSecond = 337;

    public Command Definition()
    {
        var game = CliOptions.Choice("--game", "MinAtar game", "breakout", [.. GameInfo.All.Select(g => g.Name)]);
        var frames = CliOptions.Int("--frames", "frames per measured run", 25_000, 6_000, 10_000_000);
        var threads = CliOptions.Int("--threads", "libtorch intra-op threads", 1, 1, 64);
        var command = new Command("train", "end-to-end training frames/s (± ReDo) and isolated update time") { game, frames, threads };
        command.SetAction(r => Run(r.GetValue(game)!, r.GetValue(frames), r.GetValue(threads)));
        return command;
    }

    public static int Run(string game, int frames, int threads)
    {
        var baseConfig = new ExperimentConfig { Run = new RunSettings { Game = game, Frames = frames, Threads = threads, LogEvery = frames } };
        set_num_threads(threads);
        Console.WriteLine($"{game}, {frames:N0} frames (first 5,000 random), MinAtar paper DQN (RMSprop, batch 32, one update per frame), {threads} torch thread(s)");

        var redoConfig = baseConfig with { Redo = new RedoSettings { Enabled = true, Period = 1000, ProbeSize = 64 } };
        Measure(baseConfig with { Run = baseConfig.Run with { Frames = 6_000 } });            // JIT and allocator warm-up
        // Alternate plain and ReDo runs so both see the same machine state; take each one's median.
        var plain = new List<(double Fps, long Updates, double Ms)>();
        var redo = new List<(double Fps, long Updates, double Ms)>();
        for (int i = 0; i < 3; i++) { plain.Add(Measure(baseConfig)); redo.Add(Measure(redoConfig)); }
        var (plainFps, plainUpdates, plainUpdateMs) = plain.OrderBy(p => p.Fps).ElementAt(1);
        var redoFps = redo.OrderBy(p => p.Fps).ElementAt(1).Fps;
        var isolated = IsolatedUpdateMs(baseConfig);
        var perFrameMs = 1000.0 / plainFps;
        var updateShare = plainUpdates / (double)frames;
        Console.WriteLine($"end-to-end:          {plainFps,8:N0} frames/s  (original MinAtar DQN: {OriginalFramesPerSecond} → {plainFps / OriginalFramesPerSecond:0.00}×, target ≥ 2×: {(plainFps >= 2 * OriginalFramesPerSecond ? "met" : "MISSED")})");
        Console.WriteLine($"isolated update:     {isolated,8:0.000} ms;  end-to-end per training frame {plainUpdateMs,6:0.000} ms → {plainUpdateMs / isolated:0.00}× (target ≤ 1.25×: {(plainUpdateMs <= 1.25 * isolated ? "met" : "MISSED")})");
        Console.WriteLine($"with ReDo (F=1000):  {redoFps,8:N0} frames/s  → {(plainFps / redoFps - 1) * 100:0.0} % slower (target ≤ 2 %: {(plainFps / redoFps - 1 <= 0.02 ? "met" : "MISSED")})");
        Console.WriteLine($"(updates per frame {updateShare:0.00}; frames/s figures include the random warm-up)");
        return 0;
    }

    /// <summary>Runs the loop; returns overall frames/s, updates, and ms per frame over the training phase only.</summary>
    static (double Fps, long Updates, double TrainingFrameMs) Measure(ExperimentConfig config)
    {
        var folder = Path.Combine(Path.GetTempPath(), "redo-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sw = Stopwatch.StartNew();
            var summary = Runner.Train(config with { Run = config.Run with { EvalEpisodes = 0 } }, folder, TextWriter.Null);
            // Wall time of the whole run over the frames that train: the random warm-up frames cost almost nothing.
            return (summary.FramesPerSecond, summary.Updates, sw.Elapsed.TotalMilliseconds / Math.Max(summary.Frames - config.Agent.MinReplayHistory, 1));
        }
        finally { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
    }

    static double IsolatedUpdateMs(ExperimentConfig config)
    {
        manual_seed(0);
        var env = MinAtarEnvironment.Create(config.Run.GameId(), 0);
        using var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        for (int t = 0; t <= config.Agent.MinReplayHistory; t++)
        {
            env.WriteObservationBits(bits);
            var r = env.Act(t % 6);
            agent.Replay.Add(bits, t % 6, r.Reward, r.Terminal);
            if (r.Terminal) env.Reset();
        }
        var times = new List<double>();
        for (int i = 0; i < 2000; i++)
        {
            var sw = Stopwatch.StartNew();
            agent.UpdateOnce();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return times.Skip(200).Order().ElementAt(900);
    }
}
