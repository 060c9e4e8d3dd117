using Microsoft.Extensions.DependencyInjection;
using ReDo.Shell.Cli;

namespace ReDo.Shell;

/// <summary>The one place where commands and benchmarks are registered.</summary>
public static class Composition
{
    public static IServiceCollection AddReDoCommands(this IServiceCollection services)
    {
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<ICommand, BenchCommand>();
        // ReDo core
        services.AddSingleton<ICommand, ScoreCommand>();
        services.AddSingleton<IBenchmark, RecycleBenchmark>();
        // MinAtar
        services.AddSingleton<ICommand, MinAtarCommand>();
        services.AddSingleton<IBenchmark, EnvBenchmark>();
        // MuJoCo and SAC
        services.AddSingleton<IBenchmark, MuJoCoBenchmark>();
        // Metrics
        services.AddSingleton<ICommand, PlotCommand>();
        services.AddSingleton<ICommand, AnalyzeCommand>();
        services.AddSingleton<ICommand, SupervisedCommand>();
        // Agent
        services.AddSingleton<ICommand, TrainCommand>();
        services.AddSingleton<ICommand, EvaluateCommand>();
        services.AddSingleton<IBenchmark, TrainBenchmark>();
        services.AddSingleton<IBenchmark, UpdateBenchmark>();
        services.AddSingleton<IBenchmark, ParallelBenchmark>();
        // Long runs
        services.AddSingleton<ICommand, ResumeCommand>();
        services.AddSingleton<ICommand, RunSpecCommand>();
        services.AddSingleton<ICommand, SweepCommand>();
        services.AddSingleton<ICommand, WorkerCommand>();
        // Experiments (issue 11)
        services.AddSingleton<ICommand, ExperimentCommand>();
        services.AddSingleton<ICommand, ReportCommand>();
        services.AddSingleton<ICommand, CompareCommand>();
        return services;
    }
}
