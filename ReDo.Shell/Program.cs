using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReDo.Shell;
using ReDo.Shell.Cli;

// One generic host owns services, logging and the run service; each verb is an ICliCommand (Cli/),
// each benchmark an IBenchmark. Register new ones in Composition.cs.
// First: a stop signal during the second or more the host takes to build is held, not lost (StopSignals).
ReDo.Shell.Runs.StopSignals.Install();
// Reports, figures and messages read the same on every machine, whatever its locale (under de_DE a report
// said "2.000 resamples" and its axes "0,05"): the whole process formats numbers the invariant way.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
builder.AddReDo();
using var host = builder.Build();
return host.Services.GetRequiredService<RedoCli>().Run(args);
