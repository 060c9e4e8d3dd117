using System.CommandLine;

namespace ReDo.Shell.Cli;

/// <summary>
/// The <c>redo</c> command line: every registered <see cref="ICliCommand"/> as a verb, the benchmarks
/// under <c>bench</c>. Parse errors (a few lines: <see cref="ParseProblems"/>) and <see cref="Pure.InputException"/>s (bad
/// configs, run folders, data files, arguments) exit with code 2; a file system that refuses (read-only,
/// permissions, a path through a file) exits with code 3 and one line;
/// this is the only place that turns a domain problem into an exit code.
/// </summary>
public sealed class RedoCli(IEnumerable<ICliCommand> commands, IEnumerable<IBenchmark> benchmarks)
{
    public RootCommand Root()
    {
        var root = new RootCommand("ReDo.NET: measure and recycle dormant neurons (Sokar et al., ICML 2023) and reproduce its MinAtar experiments.");
        foreach (var command in commands.Where(c => c is not IBenchmark).Select(c => c.Definition()).OrderBy(c => c.Name, StringComparer.Ordinal))
            root.Subcommands.Add(command);
        var bench = new Command("bench", "benchmarks that print side-by-side figures");
        foreach (var b in benchmarks.Select(b => b.Definition()).OrderBy(c => c.Name, StringComparer.Ordinal)) bench.Subcommands.Add(b);
        root.Subcommands.Add(bench);
        return root;
    }

    public int Run(IReadOnlyList<string> args)
    {
        // "redo help" and "redo help <command>" read as --help.
        string[] argv = args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : [.. args];
        var parsed = Root().Parse(argv);
        if (parsed.Errors.Count > 0)
        {
            // A few lines naming what was wrong, not the parser's messages followed by the whole help.
            foreach (var line in ParseProblems.Describe(parsed)) Console.Error.WriteLine(line);
            return 2;
        }
        if (!StopsWithCheckpoint(parsed) && Runs.StopSignals.Release() is { } early)
        {
            Console.Error.WriteLine($"redo {string.Join(' ', CommandPath(parsed))}: stopped by {early} before it began; nothing was written.");
            return Runs.StopSignals.ExitCodeOf(early);
        }
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return code;
        }
        catch (Pure.InputException e)
        {
            Console.Error.WriteLine($"redo {string.Join(' ', CommandPath(parsed))}: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file system refused (read-only, permissions, a path through a file, /proc, a full disk): one line naming the problem and the fix.
            var pathOptions = parsed.CommandResult.Command.Options.Select(o => o.Name).Where(n => n is "--out" or "--queue").ToList();
            Console.Error.WriteLine($"redo {string.Join(' ', CommandPath(parsed))}: {Files.FileSystemRefusal.Of(e).Message(pathOptions)}");
            return 3;
        }
    }

    /// <summary>Whether the parsed command is a long run (<see cref="ICliCommand.StopsWithCheckpoint"/>): its verb is the first word of the command path.</summary>
    bool StopsWithCheckpoint(ParseResult parsed) =>
        CommandPath(parsed).FirstOrDefault() is { } verb && commands.Any(c => c is not IBenchmark && c.StopsWithCheckpoint && c.Definition().Name == verb);

    static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent) names.Insert(0, r.Command.Name);
        return names;
    }
}
