using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReDo.Shell.Benchmarks;
using ReDo.Shell.Cli;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell;

/// <summary>The one place where services, commands and benchmarks are registered (see <see cref="ICliCommand"/> for how to add one).</summary>
public static class Composition
{
    /// <summary>The application's host: console logging, the run service and its shutdown timeout, the commands.</summary>
    public static HostApplicationBuilder AddReDo(this HostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // Long enough for the final checkpoint of every run a stopping worker holds.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddReDoCommands();
        return builder;
    }

    public static IServiceCollection AddReDoCommands(this IServiceCollection services)
    {
        services.AddSingleton<RedoCli>();
        // Every run file, spec and config goes through the retrying disk (Polly); a retry is logged as a warning.
        services.AddSingleton<IRunFiles>(sp =>
            sp.GetService<ILoggerFactory>()?.CreateLogger("redo") is { } log
                ? ResilientRunFiles.OnDisk(note => log.LogWarning("{Retry}", note))
                : ResilientRunFiles.OnDisk());
        // The one hosted service: long jobs (train, resume, run-spec, worker) run on its thread.
        services.AddSingleton<RunService>();
        services.AddHostedService(sp => sp.GetRequiredService<RunService>());
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
        services.AddSingleton<ICliCommand, ConfigCommand>();
        services.AddSingleton<ICliCommand, TrainCommand>();
        services.AddSingleton<ICliCommand, EvaluateCommand>();
        services.AddSingleton<IBenchmark, TrainBenchmark>();
        services.AddSingleton<IBenchmark, UpdateBenchmark>();
        services.AddSingleton<IBenchmark, ParallelBenchmark>();
        services.AddSingleton<IBenchmark, SupervisedBenchmark>();
        // Long runs
        services.AddSingleton<ICliCommand, ResumeCommand>();
        services.AddSingleton<ICliCommand, RunSpecCommand>();
        services.AddSingleton<ICliCommand, SweepCommand>();
        services.AddSingleton<ICliCommand, WorkerCommand>();
        // Experiments (docs/experiments.md)
        services.AddSingleton<ICliCommand, ExperimentCommand>();
        services.AddSingleton<ICliCommand, ReportCommand>();
        services.AddSingleton<ICliCommand, CompareCommand>();
        return services;
    }
}
