using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReDo.Shell.Runs;

/// <summary>
/// Runs a long job (train, resume, run-spec, worker) inside the .NET generic host: console logging,
/// SIGTERM / Ctrl+C → graceful stop through the job's cancellation token, and a shutdown timeout
/// long enough for the final checkpoint. Exceptions of the job are rethrown here, on the caller's
/// thread, so the command router reports them as for any other command.
/// </summary>
public static class TrainingHost
{
    public static int Run(Func<CancellationToken, ILogger, int> job)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("redo");
            return new DedicatedThreadService(token => job(token, logger), sp.GetRequiredService<IHostApplicationLifetime>());
        });
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DedicatedThreadService>());
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<DedicatedThreadService>();
        host.Run();   // returns after the job ends (it stops the application) or after a signal and the job's checkpoint
        if (service.Error is { } e) ExceptionDispatchInfo.Throw(e);
        return service.ExitCode;
    }
}
