namespace ReDo.Pure;

/// <summary>
/// Bad input (a config, a run folder, a data file): the message names the problem and the fix. The
/// command line prints it without a stack trace and exits with code 2; nothing below it knows about
/// exit codes.
/// </summary>
public abstract class InputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A configuration that cannot run: an unknown key, a bad value, or a setting this command cannot use.</summary>
public sealed class ConfigException(string message, Exception? inner = null) : InputException(message, inner);

/// <summary>A run folder (or queue folder) that cannot be used as asked: missing, of another run, damaged, or held by another worker.</summary>
public sealed class RunFolderException(string message, Exception? inner = null) : InputException(message, inner);

/// <summary>An input file that is missing or malformed (run spec, experiment file, table, trace, data set); the message names the file.</summary>
public sealed class DataFileException(string message, Exception? inner = null) : InputException(message, inner);
