namespace ReDo.Shell.Cli;

/// <summary>Dispatches <c>redo &lt;verb&gt; …</c> to the registered commands.</summary>
public sealed class CommandRouter(IEnumerable<ICommand> commands)
{
    readonly IReadOnlyList<ICommand> _commands = commands.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(Console.Out);
            return args.Count == 0 ? 2 : 0;
        }
        var command = _commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"redo: unknown command '{args[0]}'. Known commands: {string.Join(", ", _commands.Select(c => c.Name))}. Run 'redo help'.");
            return 2;
        }
        try
        {
            return command.Run(args.Skip(1).ToList());
        }
        catch (CliError e)
        {
            Console.Error.WriteLine($"redo {command.Name}: {e.Message}");
            return 2;
        }
    }

    void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage: redo <command> [arguments]");
        w.WriteLine();
        foreach (var c in _commands) w.WriteLine($"  {c.Name,-10} {c.Summary}");
    }
}
