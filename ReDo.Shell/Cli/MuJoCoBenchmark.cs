using System.Diagnostics;
using ReDo.Pure.Agents;
using ReDo.Pure.Control;
using ReDo.MinAtar.Random;
using ReDo.Shell.Agents.Sac;
using ReDo.Shell.MuJoCo;
using TorchSharp;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo bench mujoco</c>: per task, raw mj_step calls/s, our environment's agent steps/s (frame
/// skip, observation, reward, random actions) and the ratio to the raw rate divided by the frame
/// skip (1.0 = no overhead); then SAC gradient updates/s at the paper's size (batch 256, (256, 256)).
/// </summary>
public sealed class MuJoCoBenchmark : IBenchmark
{
    const string Usage = "redo bench mujoco [--seconds 2] [--updates 200] [--width 1]";

    public string Name => "mujoco";
    public string Summary => "MuJoCo mj_step/s, environment steps/s per task, SAC updates/s";

    public int Run(IReadOnlyList<string> args)
    {
        var options = new Args(args);
        var seconds = options.Double("seconds", 2, 0.05, 600);
        var updates = options.Int("updates", 200, 1, 1_000_000);
        var width = options.Double("width", 1, 0.01, 8);
        options.RejectUnknown(Usage);
        if (!MuJoCoNative.IsAvailable(out var reason)) throw new CliError(reason);

        Console.WriteLine($"{"task",-18}{"mj_step/s",12}{"frame skip",12}{"env steps/s",13}{"overhead",10}");
        foreach (var task in ControlTasks.All)
        {
            if (Path.IsPathRooted(task.ModelFile) && !File.Exists(task.ModelFile)) { Console.WriteLine($"{task.Id,-18} skipped: {task.ModelFile} missing (apt-get install libmujoco-samples)"); continue; }
            using var env = new ControlEnvironment(task, 0);
            var raw = RawStepRate(env.Simulation, seconds);
            var steps = EnvStepRate(env, seconds);
            Console.WriteLine($"{task.Id,-18}{raw,12:N0}{task.FrameSkip,12}{steps,13:N0}{raw / task.FrameSkip / steps,10:F2}×");
        }

        // One libtorch thread, as training runs (Run:Threads = 1): with two intra-op threads on a busy
        // 2-core machine SAC updates ran 2–3/s instead of tens (threads spin waiting for each other).
        torch.set_num_threads(1);
        foreach (var task in new[] { ControlTasks.Hopper, ControlTasks.Ant })
        {
            using var env = new ControlEnvironment(task, 0);
            using var agent = new SacAgent(new SacSettings { WidthMultiplier = width, InitialRandomSteps = 0, ReplayCapacity = 10_000 }, env.ObservationSize, env.ActionSize, 0);
            var random = new RandomState(1);
            var obs = new double[env.ObservationSize]; var act = new double[env.ActionSize];
            for (int i = 0; i < 1000; i++)
            {
                for (int k = 0; k < obs.Length; k++) obs[k] = random.Rand();
                for (int k = 0; k < act.Length; k++) act[k] = 2 * random.Rand() - 1;
                agent.Replay.Add(obs, act, random.Rand(), obs, false);
            }
            agent.Update(1); // warm up libtorch
            var clock = Stopwatch.StartNew();
            for (int u = 0; u < updates; u++) agent.Update(u + 2);
            var rate = updates / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"SAC updates/s on {task.Id} (obs {env.ObservationSize}, actions {env.ActionSize}, batch 256, width ×{width}): {rate:N0}");
        }
        return 0;
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
