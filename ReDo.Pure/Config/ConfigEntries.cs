using System.Globalization;
using System.Text.Json;

namespace ReDo.Pure.Config;

/// <summary>
/// What a configuration gives, key by key, before binding: each setting's text as written (a number
/// as its JSON text, true/false in lower case), each list's items by index, and everything wrong
/// with its shape: unknown keys (with a suggestion), a null or non-object section, a null, list or
/// object where a value belongs, a list item given as something else, a key given twice.
/// </summary>
public sealed class ConfigEntries
{
    readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, SortedDictionary<int, string>> _lists = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> _unknown = [];
    readonly HashSet<string> _unknownFromSet = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> _errors = [];

    /// <summary>Scalar keys given, by their schema path, with their text (null: a JSON null for a key that takes one).</summary>
    public IReadOnlyDictionary<string, string?> Values => _values;
    /// <summary>List keys given, their items in index order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists =>
        _lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)[.. kv.Value.Values], StringComparer.OrdinalIgnoreCase);
    /// <summary>Keys no setting answers to, in the order given (each once).</summary>
    public IReadOnlyList<string> Unknown => _unknown;
    public bool UnknownFromSet(string key) => _unknownFromSet.Contains(key);
    /// <summary>Values of the wrong shape or kind, each as "Key = value: allowed …".</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The retired key that an older config.json may still hold ("cpu" only; see the loader).</summary>
    public const string RetiredDevice = "Run:Device";

    /// <summary>The entries of a JSON text. Throws <see cref="JsonException"/> when the text is not JSON.</summary>
    public static ConfigEntries FromJson(string json)
    {
        var entries = new ConfigEntries();
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            entries._errors.Add($"the file holds {Compact(doc.RootElement)}: allowed an object of sections ({string.Join(", ", ConfigSchema.Sections)})");
        else entries.VisitObject("", doc.RootElement);
        return entries;
    }

    /// <summary>Adds the --set overrides (Section:Key=value; a list's items as Section:Key:0=value) on top.</summary>
    public ConfigEntries With(IEnumerable<KeyValuePair<string, string>> overrides)
    {
        foreach (var (path, text) in overrides)
        {
            var parts = path.Split(':');
            var section = ConfigSchema.Section(parts[0]);
            var key = parts.Length >= 2 ? ConfigSchema.Find($"{parts[0]}:{parts[1]}") : null;
            if (parts.Length == 1 && section is not null) _errors.Add(ConfigSchema.Refusal(section, ConfigSchema.Shown(text), ConfigSchema.SectionAllowed(section)));
            else if (path.Equals(RetiredDevice, StringComparison.OrdinalIgnoreCase)) _values[RetiredDevice] = text;
            else if (key is null || parts.Length > 3 || (parts.Length == 3 && !key.IsList)) AddUnknown(path, fromSet: true);
            else if (parts.Length == 3) SetItem(key, parts[2], text);
            else if (key.IsList) _errors.Add(ConfigSchema.Refusal(key.Path, ConfigSchema.Shown(text), ConfigSchema.Allowed(key)));
            else _values[key.Path] = text;
        }
        return this;
    }

    void SetItem(ConfigKey key, string index, string text)
    {
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            _errors.Add($"{key.Path}:{index}: a list item's index is a whole number from 0 (--set {key.Path}:0=…)");
            return;
        }
        if (!_lists.TryGetValue(key.Path, out var items)) _lists[key.Path] = items = new();
        items[i] = text;
    }

    void AddUnknown(string path, bool fromSet)
    {
        if (!_unknown.Contains(path, StringComparer.OrdinalIgnoreCase)) _unknown.Add(path);
        if (fromSet) _unknownFromSet.Add(path);
    }

    /// <summary>An object at <paramref name="prefix"/> (the root, a section, or an unknown path).</summary>
    void VisitObject(string prefix, JsonElement obj)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in obj.EnumerateObject())
        {
            var path = prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}";
            if (!seen.Add(p.Name)) { _errors.Add($"{path} is given twice: keep one"); continue; }
            Visit(path, p.Value);
        }
    }

    void Visit(string path, JsonElement value)
    {
        var parts = path.Split(':');
        var section = parts.Length == 1 ? ConfigSchema.Section(parts[0]) : null;
        var key = parts.Length == 2 ? ConfigSchema.Find(path) : null;
        if (section is not null)
        {
            if (value.ValueKind == JsonValueKind.Object) VisitObject(section, value);
            else _errors.Add(ConfigSchema.Refusal(section, Compact(value), ConfigSchema.SectionAllowed(section)));
        }
        else if (path.Equals(RetiredDevice, StringComparison.OrdinalIgnoreCase)) _values[RetiredDevice] = Text(value);
        else if (key is { IsList: true })
        {
            if (value.ValueKind != JsonValueKind.Array) { _errors.Add(ConfigSchema.Refusal(key.Path, Compact(value), ConfigSchema.Allowed(key))); return; }
            // The file's list replaces the default whole: an empty list stays empty (and is refused by validation if it must not be).
            var items = _lists[key.Path] = new();
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) items[i] = item.GetString()!;
                else _errors.Add(ConfigSchema.Refusal($"{key.Path}:{i}", Compact(item), "a name (a JSON string)"));
                i++;
            }
        }
        else if (key is not null)
        {
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                _errors.Add(ConfigSchema.Refusal(key.Path, Compact(value), ConfigSchema.Allowed(key)));
            else if (value.ValueKind == JsonValueKind.Null && !key.Nullable)
                _errors.Add(ConfigSchema.Refusal(key.Path, "null", $"{ConfigSchema.Allowed(key)}; leave the key out for its default"));
            else _values[key.Path] = Text(value);
        }
        else if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any() && parts.Length < 2) VisitObject(path, value);
        else AddUnknown(path, fromSet: false);
    }

    /// <summary>A JSON value's text as the binder reads it: a string's content, a number's digits as written, true/false, null.</summary>
    static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>A JSON value as a message shows it: on one line, as written.</summary>
    public static string Compact(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? ConfigSchema.Shown(value.GetString()!) : JsonSerializer.Serialize(value);
}
