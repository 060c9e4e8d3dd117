namespace ReDo.Pure;

/// <summary>
/// Bad input (a config, a run folder, a data file): the message names the problem and the fix. The
/// command line prints it without a stack trace and exits with code 2; nothing below it knows about
/// exit codes.
/// </summary>
public abstract class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A configuration that cannot run: an unknown key, a bad value, or a setting this command cannot use.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : InputException(message, inner);
