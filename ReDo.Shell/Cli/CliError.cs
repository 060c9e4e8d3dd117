namespace ReDo.Shell.Cli;

/// <summary>
/// Bad input from the user (arguments, configs, data files). The router prints the message
/// (which names the problem and the fix) without a stack trace and exits with code 2.
/// </summary>
public sealed class CliError(string message) : Exception(message);
