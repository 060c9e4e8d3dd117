using System.Globalization;

namespace ReDo.Shell.Cli;

/// <summary>
/// A verb's arguments split into <c>--name value</c> options, <c>--flag</c> switches and positionals.
/// Every option must be consumed; leftovers are reported as unknown (with the known ones) by <see cref="EnsureAllUsed"/>.
/// </summary>
public sealed class Options
{
    readonly Dictionary<string, string?> _named = new(StringComparer.Ordinal);
    readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    /// <param name="switches">Names (without --) that take no value.</param>
    public Options(IReadOnlyList<string> args, params string[] switches)
    {
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) { positionals.Add(a); continue; }
            var name = a[2..];
            if (switches.Contains(name)) _named[name] = null;
            else if (i + 1 < args.Count) _named[name] = args[++i];
            else throw new CliError($"option --{name} needs a value (e.g. --{name} 10).");
        }
        Positionals = positionals;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _named.ContainsKey(name);
    }

    public string? String(string name)
    {
        _used.Add(name);
        return _named.GetValueOrDefault(name);
    }

    public int Int(string name, int fallback, int min = int.MinValue) =>
        Parse(name, fallback, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min ? v : null,
            $"an integer ≥ {min}");

    public uint UInt(string name, uint fallback) =>
        Parse(name, fallback, s => uint.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (uint?)null,
            "an integer in 0…4294967295");

    public double Double(string name, double fallback, double min, double max) =>
        Parse(name, fallback, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null,
            $"a number in {min.ToString(CultureInfo.InvariantCulture)}…{max.ToString(CultureInfo.InvariantCulture)}");

    T Parse<T>(string name, T fallback, Func<string, T?> parse, string expected) where T : struct
    {
        var text = String(name);
        if (text is null) return fallback;
        return parse(text) ?? throw new CliError($"--{name} '{text}' is not valid; give {expected}.");
    }

    public void EnsureAllUsed(string usage)
    {
        var unknown = _named.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new CliError($"unknown option {string.Join(", ", unknown.Select(u => "--" + u))}. Usage: {usage}");
    }
}
