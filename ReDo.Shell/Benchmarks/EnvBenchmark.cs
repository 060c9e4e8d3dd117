using System.CommandLine;
using System.Diagnostics;
using ReDo.MinAtar;
using ReDo.NumPyRandom;
using ReDo.Pure.Games;
using ReDo.Shell.Cli;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// <c>redo bench env</c>: single-core MinAtar steps per second per game with random actions, writing the
/// channels-first observation every step, compared with the original Python MinAtar's rates recorded
/// once on the development machine (no Python MinAtar is installed here to measure; the output says so).
/// </summary>
public sealed class EnvBenchmark : IBenchmark
{
    const double TargetRatio = 20;

    /// <summary>Original MinAtar 1.0.15 (random actions plus state()), recorded once on the development machine: <see cref="PythonSource"/>.</summary>
    static readonly Dictionary<GameId, double> PythonStepsPerSecond = new()
    {
        [GameId.Asterix] = 249_000,
        [GameId.Breakout] = 294_000,
        [GameId.Freeway] = 103_000,
        [GameId.Seaquest] = 176_000,
        [GameId.SpaceInvaders] = 25_000,
    };

    /// <summary>Where and when <see cref="PythonStepsPerSecond"/> was measured, printed under the table.</summary>
    public const string PythonSource =
        "python steps/s: the original MinAtar 1.0.15 (random actions plus state()), recorded on the development machine " +
        "(2 cores, shared) on 2026-11-25, not measured by this command; the ratio is to that record.";

    public Command Definition()
    {
        var seconds = CliOptions.Double("--seconds", "seconds of stepping per game", 2, 0.05, 600);
        var game = CliOptions.Text("--game", "measure only this game");
        var command = new Command("env", "MinAtar steps/s per game vs the original Python's recorded rates (target ≥ 20×)") { seconds, game };
        command.SetAction(r => Run(r.GetValue(seconds), r.GetValue(game)));
        return command;
    }

    public static int Run(double seconds, string? only)
    {
        var games = only is null ? GameInfo.All.ToList()
            : [MinAtarCommand.Game(only)];
        if (Debugger.IsAttached || !IsOptimized())
            Console.WriteLine("note: this is not an optimised build; measure with 'dotnet run --project ReDo.Shell -c Release -- bench env'.");

        Console.WriteLine($"{"game",-16}{"steps/s",14}{"python (recorded)",19}{"ratio",9}  target ≥{TargetRatio}×");
        var allMet = true;
        foreach (var game in games)
        {
            Measure(game.Id, seconds / 4); // warm-up: JIT tiers, caches
            var rate = Measure(game.Id, seconds);
            var python = PythonStepsPerSecond[game.Id];
            var met = rate / python >= TargetRatio;
            allMet &= met;
            Console.WriteLine($"{game.Name,-16}{rate,14:N0}{python,19:N0}{rate / python,8:F1}×  {(met ? "yes" : "no")}");
        }
        Console.WriteLine(PythonSource);
        Console.WriteLine(allMet ? "target met for every game." : "target NOT met for every game.");
        return 0;
    }

    /// <summary>Steps/s of one environment: random action, act, reset on terminal, write the observation.</summary>
    static double Measure(GameId game, double seconds)
    {
        var env = MinAtarEnvironment.Create(game, 0);
        var actions = new RandomState(12345);
        var observation = new float[ObservationLayout.FloatCount(env.Channels)];
        var clock = Stopwatch.StartNew();
        var budget = (long)(seconds * Stopwatch.Frequency);
        long steps = 0;
        while (clock.ElapsedTicks < budget)
        {
            for (var i = 0; i < 1000; i++)
            {
                if (env.Act(actions.RandInt(6)).Terminal) env.Reset();
                env.WriteObservation(observation);
            }
            steps += 1000;
        }
        return steps / clock.Elapsed.TotalSeconds;
    }

    static bool IsOptimized() =>
        typeof(EnvBenchmark).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}
