using Microsoft.Extensions.DependencyInjection;
using ReDo.Shell.Cli;

namespace ReDo.Shell;

/// <summary>The one place where commands and benchmarks are registered (see <see cref="ICliCommand"/> for how to add one).</summary>
public static class Composition
{
    public static IServiceCollection AddReDoCommands(this IServiceCollection services)
    {
        services.AddSingleton<RedoCli>();
        // ReDo core
        services.AddSingleton<ICliCommand, ScoreCommand>();
        services.AddSingleton<IBenchmark, RecycleBenchmark>();
        // MinAtar
        services.AddSingleton<ICliCommand, MinAtarCommand>();
        services.AddSingleton<IBenchmark, EnvBenchmark>();
        // MuJoCo and SAC
        services.AddSingleton<IBenchmark, MuJoCoBenchmark>();
        // Metrics
        services.AddSingleton<ICliCommand, PlotCommand>();
        services.AddSingleton<ICliCommand, AnalyzeCommand>();
        services.AddSingleton<ICliCommand, SupervisedCommand>();
        // Agent
        services.AddSingleton<ICliCommand, TrainCommand>();
        services.AddSingleton<ICliCommand, EvaluateCommand>();
        services.AddSingleton<IBenchmark, TrainBenchmark>();
        services.AddSingleton<IBenchmark, UpdateBenchmark>();
        services.AddSingleton<IBenchmark, ParallelBenchmark>();
        // Long runs
        services.AddSingleton<ICliCommand, ResumeCommand>();
        services.AddSingleton<ICliCommand, RunSpecCommand>();
        services.AddSingleton<ICliCommand, SweepCommand>();
        services.AddSingleton<ICliCommand, WorkerCommand>();
        // Experiments (issue 11)
        services.AddSingleton<ICliCommand, ExperimentCommand>();
        services.AddSingleton<ICliCommand, ReportCommand>();
        services.AddSingleton<ICliCommand, CompareCommand>();
        return services;
    }
}
