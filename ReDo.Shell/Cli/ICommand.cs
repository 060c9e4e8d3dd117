namespace ReDo.Shell.Cli;

/// <summary>One verb of the <c>redo</c> executable (e.g. <c>score</c>, <c>bench</c>, <c>minatar</c>).</summary>
public interface ICommand
{
    string Name { get; }
    /// <summary>One line for <c>redo help</c>.</summary>
    string Summary { get; }
    /// <summary>Runs the verb with the arguments after it; returns the process exit code.</summary>
    int Run(IReadOnlyList<string> args);
}

/// <summary>A named benchmark under <c>redo bench &lt;name&gt;</c>.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Summary { get; }
    int Run(IReadOnlyList<string> args);
}
