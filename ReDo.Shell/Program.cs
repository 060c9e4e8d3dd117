using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReDo.Shell;
using ReDo.Shell.Cli;

// The generic host owns services and logging; each verb is an ICliCommand (Cli/), each benchmark an
// IBenchmark. Register new ones in Composition.cs.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
builder.Services.AddReDoCommands();
using var host = builder.Build();
return host.Services.GetRequiredService<RedoCli>().Run(args);
