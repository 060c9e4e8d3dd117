using System.CommandLine;

namespace ReDo.Shell.Cli;

/// <summary>
/// One verb of the <c>redo</c> executable. To add a command: write a class that declares its typed
/// options (<see cref="CliOptions"/>), maps them onto a typed parameters record in <see cref="Definition"/>,
/// and keeps the work in a <c>Run(parameters)</c> method; register it once in Composition.cs. System.CommandLine
/// then gives it <c>--help</c>, typo suggestions and parse errors; throw <see cref="CliError"/> for bad input.
/// </summary>
public interface ICliCommand
{
    Command Definition();

    /// <summary>
    /// A long run (train, resume, run-spec, worker) that SIGTERM or Ctrl+C stops with a checkpoint, and that
    /// does not begin when the signal came first; any other command ends on a signal as a process does.
    /// </summary>
    bool StopsWithCheckpoint => false;
}

/// <summary>A command that lives under <c>redo bench</c> and prints side-by-side figures.</summary>
public interface IBenchmark : ICliCommand;
