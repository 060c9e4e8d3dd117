namespace ReDo.Shell.Traces;

/// <summary>A trace file that cannot be read; the message names the file and the line.</summary>
public sealed class TraceFormatException(string path, int line, string problem)
    : Pure.InputException($"{path}:{line}: {problem}")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}
