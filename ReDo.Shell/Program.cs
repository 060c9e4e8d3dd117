using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReDo.Shell;
using ReDo.Shell.Cli;

// One generic host owns services, logging and the run service; each verb is an ICliCommand (Cli/),
// each benchmark an IBenchmark. Register new ones in Composition.cs.
// First: a stop signal during the second or more the host takes to build is held, not lost (StopSignals).
ReDo.Shell.Runs.StopSignals.Install();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
builder.AddReDo();
using var host = builder.Build();
return host.Services.GetRequiredService<RedoCli>().Run(args);
