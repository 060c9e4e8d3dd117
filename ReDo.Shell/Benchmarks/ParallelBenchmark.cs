using ReDo.Pure.Games;
using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ReDo.MinAtar;
using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using ReDo.Shell.Cli;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench parallel [--jobs 2] [--frames 20000] [--game breakout]</c>: total training frames/s of
/// the real queue worker running one run alone and then <c>jobs</c> runs at once (<c>worker --parallel</c>,
/// one torch thread each), in one process, in one run; prints the ratio (the target: ≥ 1.8× with
/// 2 jobs on 2 cores), beside the same ratio for plain arithmetic and memory reads with no torch at all
/// (<see cref="Bench.ScalingCeiling"/>), which no change to our code can beat. The machine must be
/// otherwise idle for either ratio to mean anything.
/// </summary>
public sealed class ParallelBenchmark : IBenchmark
{
    public Command Definition()
    {
        var jobs = CliOptions.Int("--jobs", "runs at once (worker --parallel)", 2, 2, 64);
        var frames = CliOptions.Int("--frames", "frames per run", 20_000, 6_000, 10_000_000);
        var game = CliOptions.Choice("--game", "MinAtar game", "breakout", [.. GameInfo.All.Select(g => g.Name)]);
        var rounds = CliOptions.Int("--rounds", "alternating (1 run, N runs) pairs; the median pair is reported", 3, 1, 20);
        var command = new Command("parallel", "total frames/s of worker --parallel N against one run alone, beside the machine's own scaling ceiling") { jobs, frames, game, rounds };
        command.SetAction(r => Run(r.GetValue(jobs), r.GetValue(frames), r.GetValue(game)!, r.GetValue(rounds)));
        return command;
    }

    public static int Run(int jobs, int frames, string game, int rounds = 3)
    {
        var config = new ExperimentConfig { Run = new RunSettings { Game = Game.Parse(game), Frames = frames, Threads = 1, LogEvery = frames, EvalEpisodes = 0, CheckpointEvery = frames } };
        Console.WriteLine($"{game}, {frames:N0} frames per run (first 5,000 random), MinAtar paper DQN, 1 torch thread per run; {Environment.ProcessorCount} logical CPUs");
        Measure(config with { Run = config.Run with { Frames = 6_000 } }, 1);   // JIT and allocator warm-up
        // Pairs alternate so that both sides of each ratio see the same machine state; the median pair is reported.
        var pairs = new List<(double One, double Many)>();
        for (int r = 0; r < rounds; r++)
        {
            var pair = (One: Measure(config, 1), Many: Measure(config, jobs));
            pairs.Add(pair);
            Console.WriteLine($"  round {r + 1}: 1 run {pair.One,7:N0} frames/s, {jobs} runs {pair.Many,7:N0} frames/s → {pair.Many / pair.One:0.00}×");
        }
        var (one, many) = pairs.OrderBy(p => p.Many / p.One).ElementAt(pairs.Count / 2);
        var ceiling = ScalingCeiling.Measure(jobs);
        Console.WriteLine($"1 run alone:        {one,8:N0} frames/s");
        Console.WriteLine($"{jobs} runs at once:    {many,8:N0} frames/s in total → {many / one:0.00}× (target for 2 jobs ≥ 1.8×: {(jobs != 2 ? "n/a" : many / one >= 1.8 ? "met" : "MISSED")})");
        Console.WriteLine($"machine ceiling, {jobs} threads vs 1, no torch: arithmetic in L1 {ceiling.Arithmetic:0.00}×, random memory reads {ceiling.Memory:0.00}× (an idle machine gives ≈ {jobs}× for both; less means its CPUs share a core or are throttled)");
        return 0;
    }

    /// <summary>Queues <paramref name="jobs"/> runs of the config (seeds 1…jobs) and times the worker over all of them: total frames / wall seconds.</summary>
    static double Measure(ExperimentConfig config, int jobs)
    {
        var pauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var root = Path.Combine(Path.GetTempPath(), "redo-bench-parallel-" + Guid.NewGuid().ToString("N"));
        var files = ResilientRunFiles.OnDisk();
        try
        {
            var queue = new QueueFolders(root, files);
            var json = ConfigLoader.ToJsonElement(config);
            for (int k = 1; k <= jobs; k++) RunSpecFiles.Write(new RunSpec($"bench-seed{k}", "bench", json, ValueList<string>.Empty, k), queue.Root, files);
            var clock = Stopwatch.StartNew();
            int code = new QueueWorker(queue, files, NullLogger.Instance, exitWhenEmpty: true, parallel: jobs).Run(CancellationToken.None);
            if (code != 0 || queue.Pending().Count > 0 || files.Files(queue.Done, "*").Count != jobs) throw new CliError($"the benchmark's worker did not finish its {jobs} run(s) (exit {code})");
            double seconds = clock.Elapsed.TotalSeconds;
            // A collection stops every managed thread of the process, so runs sharing one process also share its pauses.
            Console.WriteLine($"    {jobs} run(s): GC paused the process {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds / seconds:P1} of the time ({GC.CollectionCount(0) - gen0Before} gen-0, {GC.CollectionCount(2) - gen2Before} gen-2 collections)");
            return (double)jobs * config.Run.Frames / seconds;
        }
        finally { files.DeleteDirectory(root); }
    }
}
