namespace ReDo.Shell.Cli;

/// <summary>
/// Bad command-line input (arguments, options). Like every <see cref="Pure.InputException"/>, the
/// router prints the message (which names the problem and the fix) without a stack trace and exits with code 2.
/// </summary>
public sealed class CliError(string message) : Pure.InputException(message);
