using Microsoft.Extensions.DependencyInjection;
using ReDo.Shell;
using ReDo.Shell.Cli;

namespace ReDo.Properties;

/// <summary>Runs commands through the real <c>redo</c> parser and captures what a user would see.</summary>
public static class CliRun
{
    static readonly object Gate = new();

    /// <summary>The whole <c>redo</c> command line, every command registered as Program registers them.</summary>
    public static RedoCli All() => new ServiceCollection().AddReDoCommands()
        .BuildServiceProvider().GetRequiredService<RedoCli>();

    public static (int Exit, string Out, string Error) Invoke(ICliCommand command, params string[] args) =>
        Capture(() => new RedoCli([command], []).Run(args));

    public static (int Exit, string Out, string Error) Capture(Func<int> run)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            Console.SetOut(output);
            Console.SetError(error);
            try { return (run(), output.ToString(), error.ToString()); }
            finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
        }
    }
}
