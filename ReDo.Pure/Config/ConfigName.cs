using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace ReDo.Pure.Config;

/// <summary>
/// The one table between a config's words and its enums: each value is written by one name (its
/// <see cref="JsonStringEnumMemberNameAttribute"/>, else the member's own) in config.json, and read
/// back from that name, case-insensitively, by the configuration binder and the command line.
/// </summary>
public static class ConfigName
{
    public static string Of<T>(T value) where T : struct, Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    public static T Parse<T>(string name) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(Of(value), name.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        throw new FormatException($"'{name}' is not one of {string.Join(", ", All<T>())}");
    }
}

/// <summary>Lets Microsoft.Extensions.Configuration's binder read an enum by its <see cref="ConfigName"/> (e.g. minatar-dueling).</summary>
public sealed class ConfigNameConverter<T> : TypeConverter where T : struct, Enum
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string name ? ConfigName.Parse<T>(name) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is T v ? ConfigName.Of(v) : base.ConvertTo(context, culture, value, destinationType);
}
