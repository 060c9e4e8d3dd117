using System.CommandLine;
using System.Globalization;
using ReDo.Pure.Config;

namespace ReDo.Shell.Cli;

/// <summary>Typed options with the range and choice checks every command needs; errors name the option and what is allowed.</summary>
public static class CliOptions
{
    public static Option<int> Int(string name, string description, int fallback, int min = int.MinValue, int max = int.MaxValue) =>
        Ranged(new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback }, min, max);

    public static Option<long> Long(string name, string description, long fallback, long min = long.MinValue, long max = long.MaxValue) =>
        Ranged(new Option<long>(name) { Description = description, DefaultValueFactory = _ => fallback }, min, max);

    public static Option<double> Double(string name, string description, double fallback, double min = double.MinValue, double max = double.MaxValue) =>
        Ranged(new Option<double>(name) { Description = description, DefaultValueFactory = _ => fallback }, min, max);

    /// <summary>An optional number whose default depends on something read later (e.g. a run's config).</summary>
    public static Option<T?> Optional<T>(string name, string description, T min, T max) where T : struct, IComparable<T>
    {
        var option = new Option<T?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (Read<T?>(r, out var read) && read is { } v && (v.CompareTo(min) < 0 || v.CompareTo(max) > 0))
                r.AddError(ConfigSchema.Refusal(name, Text(v), $"{Text(min)} … {Text(max)}") + ".");
        });
        return option;
    }

    public static Option<string> Choice(string name, string description, string fallback, params string[] allowed)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static Option<string?> Text(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A repeatable option (<c>--set A=1 --set B=2</c>).</summary>
    public static Option<string[]> Repeated(string name, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The <c>--set Section:Key=value</c> overrides of train and sweep.</summary>
    public static Option<string[]> Sets() => Repeated("--set", "override a config key, e.g. --set Agent:ReplayRatio=2 (repeatable)");

    static Option<T> Ranged<T>(Option<T> option, T min, T max) where T : IComparable<T>
    {
        option.Validators.Add(r =>
        {
            if (Read<T>(r, out var v) && (v!.CompareTo(min) < 0 || v.CompareTo(max) > 0))
                r.AddError(ConfigSchema.Refusal(option.Name, Text(v), $"{Text(min)} … {Text(max)}") + ".");
        });
        return option;
    }

    /// <summary>The option's value; false when its text is not of its type (the parser reports that itself: <see cref="ParseProblems"/>).</summary>
    public static bool Read<T>(System.CommandLine.Parsing.OptionResult r, out T? value)
    {
        try { value = r.GetValueOrDefault<T>(); return true; }
        catch (InvalidOperationException) { value = default; return false; }
    }

    static string Text<T>(T v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
}
