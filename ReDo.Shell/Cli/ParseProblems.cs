using System.CommandLine;
using System.CommandLine.Parsing;
using ReDo.Pure.Config;

namespace ReDo.Shell.Cli;

/// <summary>
/// A command line the parser refused, in a few lines of the user's words instead of the parser's
/// messages and the whole help: an unknown command names the commands (and the nearest one), an
/// unknown option the nearest option or, where it names a config key (--frames), the --set that
/// sets it, and a value of the wrong kind what the option allows ("--seed = -1: allowed a whole
/// number from 0 to 4294967295"), never a .NET type. The last line says where the help is.
/// </summary>
public static class ParseProblems
{
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var path = string.Join(' ', Path(parsed.CommandResult));
        var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var options = command.Options.Where(o => !o.Hidden).Select(o => o.Name).ToList();
        var lines = new List<string>();
        var unmatched = parsed.UnmatchedTokens.ToList();
        for (int i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                // The word after an unknown option is taken to be its value.
                var value = i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-') ? unmatched[++i] : null;
                var keys = options.Contains("--set") ? ConfigKeysNamed(token) : [];
                lines.Add(keys.Count > 0
                    ? $"{path}: {token} is not an option of {path}; {string.Join(" and ", keys.Select(k => k.Path))} {(keys.Count > 1 ? "are config keys" : "is a config key")}: " +
                      string.Join(" or ", keys.Select(k => $"--set {k.Path}={value ?? "<value>"}")) + "."
                    : $"{path}: {token} is not an option of {path}{Nearest(token, options)}.");
            }
            else if (commands.Count > 0)
            {
                lines.Add($"{path}: '{token}' is not a command{Nearest(token, commands)}; the commands are {string.Join(", ", commands)}.");
                break;   // what follows belonged to the command meant
            }
            else lines.Add($"{path}: unexpected '{token}'.");
        }
        foreach (var e in parsed.Errors)
        {
            if (unmatched.Any(t => e.Message.Contains($"'{t}'"))) continue;   // said above
            if (e.SymbolResult is CommandResult && commands.Count > 0)
            {
                if (unmatched.Count == 0) lines.Add($"{path}: name a command: {string.Join(", ", commands)}.");
                continue;
            }
            lines.Add($"{path}: {WrongKind(e) ?? e.Message}");
        }
        lines.Add($"'{path} --help' {(commands.Count > 0 ? "says what each command does" : "lists its options")}.");
        return [.. lines.Distinct()];
    }

    /// <summary>A value the option's type cannot read, as "--seed = -1: allowed …" (the parser names the .NET type).</summary>
    static string? WrongKind(ParseError e)
    {
        var (name, type, tokens) = e.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult { Parent: OptionResult o } a => (o.Option.Name, a.Argument.ValueType, a.Tokens),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType, a.Tokens),
            _ => (null, null, null),
        };
        if (name is null) return null;
        // A word outside an option's list of choices: the parser lists them one a line.
        var parts = e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1 && tokens!.Count > 0)
            return ConfigSchema.Refusal(name, ConfigSchema.Shown(tokens[^1].Value), $"one of {string.Join(", ", parts.Skip(1).Select(p => p.Trim('\'')))}") + ".";
        if (!e.Message.Contains("expected type", StringComparison.Ordinal)) return null;
        var element = type!.IsArray ? type.GetElementType()! : type;
        var allowed = ConfigSchema.Allowed(element) ?? "text";
        var given = tokens!.Select(t => t.Value).FirstOrDefault(v => !Reads(element, v)) ?? string.Join(' ', tokens!.Select(t => t.Value));
        return ConfigSchema.Refusal(name, ConfigSchema.Shown(given), allowed) + ".";
    }

    static bool Reads(Type type, string text)
    {
        try { return System.ComponentModel.TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(text) is not null; }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException) { return false; }
    }

    /// <summary>The config keys an option-like word names (--frames: Run:Frames; --replay-ratio: Agent:ReplayRatio and Sac:ReplayRatio).</summary>
    static List<ConfigKey> ConfigKeysNamed(string token)
    {
        var word = token.TrimStart('-').Replace("-", "").Replace("_", "");
        return [.. ConfigSchema.Keys.Where(k => k.Name.Equals(word, StringComparison.OrdinalIgnoreCase))];
    }

    static string Nearest(string word, IReadOnlyCollection<string> known) =>
        KeySuggestion.Suggest(word, known) is { } s ? $" (did you mean {s}?)" : "";

    public static IEnumerable<string> Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Insert(0, c.Parent is null ? "redo" : c.Command.Name);
        return names;
    }
}
