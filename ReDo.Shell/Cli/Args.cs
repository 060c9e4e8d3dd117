using System.Globalization;

namespace ReDo.Shell.Cli;

/// <summary>
/// Minimal "--name value" / "--flag" parsing with errors that name the option and the allowed
/// values. Unknown options are rejected when <see cref="RejectUnknown"/> is called.
/// </summary>
public sealed class Args
{
    readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    readonly HashSet<string> _used = [];
    public IReadOnlyList<string> Positional { get; }

    /// <param name="switches">Names (without --) that never take a value, so a positional after them is not swallowed.</param>
    public Args(IReadOnlyList<string> args, params string[] switches)
    {
        var positional = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--")) { positional.Add(args[i]); continue; }
            var name = args[i][2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (switches.Contains(name)) value = null;
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--")) value = args[++i];
            _options[name] = value;
        }
        Positional = positional;
    }

    public bool Flag(string name) { _used.Add(name); return _options.ContainsKey(name); }

    public string? String(string name) { _used.Add(name); return _options.GetValueOrDefault(name); }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var v = String(name, fallback);
        return allowed.Contains(v) ? v : throw new CliError($"--{name} '{v}' is not allowed; use one of: {string.Join(", ", allowed)}.");
    }

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        (int)Number(name, fallback, min, max, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, "an integer");

    public uint UInt(string name, uint fallback) =>
        (uint)Number(name, fallback, 0, uint.MaxValue, s => uint.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, "an integer in 0…4294967295");

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue) =>
        Number(name, fallback, min, max, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null, "a number");

    double Number(string name, double fallback, double min, double max, Func<string, double?> parse, string kind)
    {
        var s = String(name);
        if (s is null) return fallback;
        var v = parse(s) ?? throw new CliError($"--{name} '{s}' is not {kind}.");
        if (v < min || v > max) throw new CliError($"--{name} {s} is out of range; allowed: {min.ToString(CultureInfo.InvariantCulture)} … {max.ToString(CultureInfo.InvariantCulture)}.");
        return v;
    }

    /// <summary>Call after reading every option: a misspelt option is an error, not silently ignored.</summary>
    public void RejectUnknown(string? usage = null)
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliError($"unknown option{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => "--" + u))}; known: {string.Join(", ", _used.Order().Select(u => "--" + u))}." +
                               (usage is null ? "" : $" Usage: {usage}"));
    }
}
