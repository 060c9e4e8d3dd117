using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using ReDo.Pure.Collections;
using ReDo.Pure.Games;

namespace ReDo.Pure.Config;

/// <summary>One setting of a config ("Run:Frames"): its section, its name and the type its value binds to.</summary>
public sealed record ConfigKey(string Section, string Name, Type Type, bool Nullable)
{
    public string Path => $"{Section}:{Name}";
    /// <summary>A list of words (Reset:Layers): an array in a file, Key:0=…, Key:1=… with --set.</summary>
    public bool IsList => Type == typeof(ValueList<string>);
    public override string ToString() => Path;
}

/// <summary>
/// The keys a configuration may hold, read from the records that hold them (<see cref="ConfigSections"/>:
/// each section's keys, whichever agent reads them), and what each key's type allows in the user's
/// words. Messages about a bad value all read "Key = value: allowed …".
/// </summary>
public static class ConfigSchema
{
    public static readonly IReadOnlyList<string> Sections = [.. ConfigSections.Sections];

    public static readonly IReadOnlyList<ConfigKey> Keys =
    [
        .. ConfigSections.Groups.SelectMany(g => g.Keys.Select(k => g.Record.GetProperty(k, BindingFlags.Public | BindingFlags.Instance)!)
            .Select(p => new ConfigKey(g.Section, p.Name, p.PropertyType, IsNullable(p)))),
    ];

    static bool IsNullable(PropertyInfo p) =>
        Nullable.GetUnderlyingType(p.PropertyType) is not null
        || (!p.PropertyType.IsValueType && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);

    /// <summary>The key a path names, in any case, or null.</summary>
    public static ConfigKey? Find(string path) =>
        Keys.FirstOrDefault(k => string.Equals(k.Path, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The section a name names, in its own spelling, or null.</summary>
    public static string? Section(string name) =>
        Sections.FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one form of a refusal: the key, the value as given, what the key allows.</summary>
    public static string Refusal(string key, string shown, string allowed) => $"{key} = {shown}: allowed {allowed}";

    /// <summary>A given value as a message shows it: as written, quoted when it is empty or has spaces at its ends.</summary>
    public static string Shown(string given) => given.Length == 0 || given.Trim().Length != given.Length ? $"'{given}'" : given;

    /// <summary>What a section holds, for a section given as something else.</summary>
    public static string SectionAllowed(string section) =>
        $"an object of {section}'s keys, e.g. \"{section}\": {{ \"{Keys.First(k => k.Section == section).Name}\": … }}; leave \"{section}\" out for all its defaults";

    /// <summary>What a value of this key's type may be.</summary>
    public static string Allowed(ConfigKey key) =>
        key.IsList ? $"a list of names: [\"a\", \"b\"] in a file, --set {key.Path}:0=a --set {key.Path}:1=b on the command line"
        : Allowed(key.Type) ?? $"a word or text (docs/configuration.md says what {key.Path} takes)";

    /// <summary>What a value of a number, truth-value, game or enum type may be (a config key's or a command-line option's), or null for text.</summary>
    public static string? Allowed(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(long)) return "a whole number such as 100000 (no exponent, no separators)";
        if (t == typeof(int)) return $"a whole number such as 1000 (no exponent, no separators; at most {int.MaxValue})";
        if (t == typeof(uint)) return $"a whole number from 0 to {uint.MaxValue} (no exponent, no separators)";
        if (t == typeof(double) || t == typeof(float)) return "a number such as 0.25 (a point for decimals, no separators)";
        if (t == typeof(Game)) return $"a MinAtar game ({Game.MinAtarNames}; Agent:Kind = dqn) or a MuJoCo task ({Game.TaskNames}; Agent:Kind = sac)";
        if (t.IsEnum) return $"one of {string.Join(", ", Words(t))}";
        return null;
    }

    /// <summary>The words an enum key takes (<see cref="ConfigName"/>), in declaration order.</summary>
    public static IReadOnlyList<string> Words(Type enumType) =>
        [.. Enum.GetValues(enumType).Cast<object>().Select(v => enumType.GetField(v.ToString()!)!
            .GetCustomAttribute<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString()!)];

    /// <summary>
    /// Whether <paramref name="text"/> reads as a value of the key's type, as the configuration binder
    /// reads it (the type's converter, invariant culture); an enum takes only its words, not numbers.
    /// </summary>
    public static bool Accepts(ConfigKey key, string text)
    {
        var t = Nullable.GetUnderlyingType(key.Type) ?? key.Type;
        if (t == typeof(string)) return true;
        if (text.Trim().Length == 0) return false;
        if (t.IsEnum) return Words(t).Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);
        try { return TypeDescriptor.GetConverter(t).ConvertFromInvariantString(text) is not null; }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException or InputException) { return false; }
    }
}
