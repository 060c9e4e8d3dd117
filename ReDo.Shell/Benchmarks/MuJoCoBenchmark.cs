using ReDo.NumPyRandom;
using ReDo.Pure.Games;
using System.CommandLine;
using System.Diagnostics;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Control;
using ReDo.Shell.Agents.Sac;
using ReDo.Shell.MuJoCo;
using TorchSharp;
using ReDo.Shell.Cli;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench mujoco</c>: one row per task, in one run: raw mj_step calls/s, our environment's agent
/// steps/s (frame skip, observation, reward, random actions), the ratio to the raw rate divided by the
/// frame skip (1.0 = no overhead), and SAC gradient updates/s on that task's observation and action
/// sizes (batch 256, width --width: 1 = the paper's (256, 256)).
/// </summary>
public sealed class MuJoCoBenchmark : IBenchmark
{
    public Command Definition()
    {
        var seconds = CliOptions.Double("--seconds", "seconds per measured rate", 2, 0.05, 600);
        var updates = CliOptions.Int("--updates", "SAC updates timed per task", 200, 1, 1_000_000);
        var width = CliOptions.Double("--width", "SAC width multiplier (1 = the paper's (256, 256))", 1, 0.01, 8);
        var command = new Command("mujoco", "MuJoCo mj_step/s, environment steps/s per task, SAC updates/s") { seconds, updates, width };
        command.SetAction(r => Run(r.GetValue(seconds), r.GetValue(updates), r.GetValue(width)));
        return command;
    }

    public static int Run(double seconds, int updates, double width)
    {
        if (!MuJoCoNative.IsAvailable(out var reason)) throw new CliError(reason);

        // One libtorch thread, as training runs (Run:Threads = 1): with two intra-op threads on a busy
        // 2-core machine SAC updates ran 2–3/s instead of tens (threads spin waiting for each other).
        torch.set_num_threads(1);
        Console.WriteLine($"SAC at width ×{width} (batch 256, one libtorch thread); overhead = (mj_step/s ÷ frame skip) ÷ env steps/s, 1.0 = none");
        Console.WriteLine($"{"task",-18}{"mj_step/s",12}{"frame skip",12}{"env steps/s",13}{"overhead",10}{"SAC updates/s",15}{"ms/update",11}");
        var stepsPerUpdate = new List<double>();
        foreach (var task in ControlTasks.All)
        {
            if (Path.IsPathRooted(task.ModelFile) && !File.Exists(task.ModelFile)) { Console.WriteLine($"{task.Id,-18} skipped: {task.ModelFile} missing (apt-get install libmujoco-samples)"); continue; }
            using var env = new ControlEnvironment(task, 0);
            var raw = RawStepRate(env.Simulation, seconds);
            var steps = EnvStepRate(env, seconds);
            var sac = SacUpdateRate(task, env.ObservationSize, env.ActionSize, updates, width);
            Console.WriteLine($"{task.Id,-18}{raw,12:N0}{task.FrameSkip,12}{steps,13:N0}{raw / task.FrameSkip / steps,10:F2}×{sac,15:N1}{1000 / sac,11:F2}");
            stepsPerUpdate.Add(steps / sac);
        }
        if (stepsPerUpdate.Count > 0)
            Console.WriteLine($"A training step at replay ratio 1 is one env step plus one update; one update takes as long as {stepsPerUpdate.Min():N0}–{stepsPerUpdate.Max():N0} env steps here.");
        return 0;
    }

    /// <summary>SAC gradient updates per second of wall time on a replay of 1,000 random transitions (after one warm-up update).</summary>
    static double SacUpdateRate(ControlTask task, int observationSize, int actionSize, int updates, double width)
    {
        var config = new ExperimentConfig
        {
            Run = new() { Game = Game.Of(task.Id) },
            Agent = new SacSettings { WidthMultiplier = width, InitialRandomSteps = 0, ReplayCapacity = 10_000 },
        };
        using var agent = new SacAgent(config, observationSize, actionSize);
        var random = new RandomState(1);
        var obs = new double[observationSize]; var act = new double[actionSize];
        for (int i = 0; i < 1000; i++)
        {
            for (int k = 0; k < obs.Length; k++) obs[k] = random.Rand();
            for (int k = 0; k < act.Length; k++) act[k] = 2 * random.Rand() - 1;
            agent.Replay.Add(obs, act, random.Rand(), obs, false);
        }
        agent.UpdateOnce(); // warm up libtorch
        var clock = Stopwatch.StartNew();
        for (int u = 0; u < updates; u++) agent.UpdateOnce();
        return updates / clock.Elapsed.TotalSeconds;
    }

    static double RawStepRate(MjSimulation sim, double seconds)
    {
        sim.Reset();
        long n = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++) sim.Step();
            n += 1000;
            if (!double.IsFinite(sim.Qpos[0]) || n % 50_000 == 0) sim.Reset();
        }
        return n / clock.Elapsed.TotalSeconds;
    }

    static double EnvStepRate(ControlEnvironment env, double seconds)
    {
        var random = new RandomState(0);
        var action = new double[env.ActionSize];
        env.Reset();
        long n = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 100; i++)
            {
                for (int k = 0; k < action.Length; k++) action[k] = 2 * random.Rand() - 1;
                var step = env.Step(action);
                if (step.Terminated || step.Truncated) env.Reset();
            }
            n += 100;
        }
        return n / clock.Elapsed.TotalSeconds;
    }
}
