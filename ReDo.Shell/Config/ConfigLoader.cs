using ReDo.Pure;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ReDo.Pure.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Config;

/// <summary>
/// Reads a run configuration: the JSON file, then <c>--set Section:Key=value</c> overrides, bound
/// with Microsoft.Extensions.Configuration onto <see cref="ExperimentConfig"/>. Unknown or misspelt
/// keys, wrong types and out-of-range values are all rejected before anything runs.
/// </summary>
public static class ConfigLoader
{
    /// <summary>A config file, read through <paramref name="files"/> (the retrying disk), then the overrides.</summary>
    public static ExperimentConfig Load(string path, IEnumerable<string> overrides, IRunFiles files)
    {
        if (!files.Exists(path)) throw new ConfigException($"config file '{path}' does not exist; pass a config file or the name of a shipped one (redo config list).");
        return Load(files.ReadAllText(path), overrides, source: path, jsonSource: $"config file '{path}'");
    }

    /// <summary>A configuration given as JSON text (a run folder's config.json, a run spec's embedded config).</summary>
    public static ExperimentConfig LoadJson(string json, IEnumerable<string> overrides, string source) =>
        Load(json, overrides, source, jsonSource: source);

    /// <param name="source">names the configuration in messages about its keys and values</param>
    /// <param name="jsonSource">names it in a message about malformed JSON</param>
    static ExperimentConfig Load(string json, IEnumerable<string> overrides, string source, string jsonSource)
    {
        var pairs = Pairs(overrides);
        IConfigurationRoot root;
        try
        {
            root = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
                .AddInMemoryCollection(pairs)
                .Build();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException)
        {
            throw new ConfigException($"{jsonSource} is not valid JSON: {(e.InnerException ?? e).Message}");
        }
        return Bind(root, source, pairs.Keys);
    }

    static Dictionary<string, string?> Pairs(IEnumerable<string> overrides)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) throw new ConfigException($"--set '{o}' must look like Section:Key=value, e.g. --set Agent:ReplayRatio=2.");
            if (o[(eq + 1)..].Trim().Length == 0) throw new ConfigException($"--set '{o}' gives {o[..eq].Trim()} no value; write --set {o[..eq].Trim()}=<value> (docs/configuration.md lists what each key allows).");
            pairs[o[..eq].Trim()] = o[(eq + 1)..].Trim();
        }
        return pairs;
    }

    /// <param name="overridden">the keys that came from --set, so an error can say where a misspelt key was written.</param>
    public static ExperimentConfig Bind(IConfiguration root, string source, IReadOnlyCollection<string>? overridden = null)
    {
        root = WithoutRetired(root, source);
        var unknown = KeySuggestion.Unknown(GivenKeys(root), KnownKeys);
        if (unknown.Count > 0)
        {
            var from = new HashSet<string>(overridden ?? [], StringComparer.OrdinalIgnoreCase);
            var list = string.Join("; ", unknown.Select(u => u.Message + (from.Contains(u.Key) ? " (given with --set)" : "")));
            throw new ConfigException($"{source}: {list}{(list.EndsWith('?') ? "" : ".")} Known keys are listed in docs/configuration.md.");
        }
        ExperimentConfig config;
        try
        {
            // The binder cannot build immutable value lists (it would add to them); it binds every
            // other key, and the lists are read below as they are written.
            config = WithoutLists(root).Get<ExperimentConfig>(o => o.ErrorOnUnknownConfiguration = true) ?? new ExperimentConfig();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key ("Failed to convert configuration value at 'Agent:ReplayRatio'…",
            // "'Agent' does not have a matching property for 'ReplayRato'").
            throw new ConfigException($"{source}: {(BadValue(e) ?? Flatten(e))} Known keys are listed in docs/configuration.md.");
        }
        var layers = root.GetSection(ResetLayers);
        if (layers.GetChildren().Any())
            config = config with { Reset = config.Reset with { Layers = [.. layers.GetChildren().Select(c => c.Value ?? "")] } };
        var errors = ConfigValidation.Validate(config);
        if (errors.Count == 0 && ReplayProblem(config) is { } replay) errors = [replay];
        if (errors.Count > 0) throw new ConfigException($"{source}: {string.Join("; ", errors)}.");
        return config;
    }

    /// <summary>
    /// A DQN replay too large for one array, refused here (where the game's channels are known) so that
    /// nothing is written first. SAC's observation size comes from its model: AgentFactory checks it.
    /// </summary>
    static string? ReplayProblem(ExperimentConfig c)
    {
        if (c.Agent.Kind != AgentKind.Dqn || c.Run.Game.MinAtar is not { } game) return null;
        var cycle = c.Env.GameCycle();
        int channels = (cycle?.Games ?? [game]).Max(g => global::ReDo.MinAtar.GameInfo.Of(g).Channels);
        return Pure.Agents.ReplayMemory.MinAtar(global::ReDo.MinAtar.ObservationLayout.ByteCount(channels))
            .Problem("Agent:ReplayCapacity", c.Agent.ReplayCapacity, cycle is null ? c.Run.Game.Name : $"the games {c.Env.Cycle}");
    }

    /// <summary>The resolved configuration as written into a run folder (and read back by resume/evaluate).</summary>
    public static string ToJson(ExperimentConfig config) => JsonSerializer.Serialize(config, JsonOptions);

    /// <summary>The config as a JSON element, as a run spec embeds it.</summary>
    public static JsonElement ToJsonElement(ExperimentConfig config) => JsonDocument.Parse(ToJson(config)).RootElement.Clone();

    public static ExperimentConfig FromRunFolder(string runFolder, IRunFiles files)
    {
        var path = Path.Combine(runFolder, RunLayout.Config);
        if (!files.Exists(path)) throw new ConfigException($"'{runFolder}' is not a run folder: it has no config.json (train writes one).");
        return Load(path, [], files);
    }

    const string ResetLayers = "Reset:Layers";

    /// <summary>Every key a config may hold: each section of <see cref="ExperimentConfig"/> and each of its settings ("Run:Game").</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
    [
        .. typeof(ExperimentConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(section =>
            section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
                .Select(p => $"{section.Name}:{p.Name}").Prepend(section.Name)),
    ];

    /// <summary>
    /// The keys a configuration sets, cut to Section:Key (a list's items, Reset:Layers:0, belong to Reset:Layers);
    /// a bare section counts only when it holds a value rather than keys.
    /// </summary>
    static IEnumerable<string> GivenKeys(IConfiguration root) =>
        root.AsEnumerable().Select(kv => (Parts: kv.Key.Split(':'), kv.Value))
            .Where(x => x.Parts.Length >= 2 || x.Value is not null)
            .Select(x => string.Join(':', x.Parts.Take(2)));

    /// <summary>
    /// Run:Device is retired: training is CPU-only (TorchSharp-cpu, flat CPU optimizer buffers), so there
    /// is nothing to choose. Older config.json files all hold "cpu", which is dropped, so their runs
    /// still resume (a run's config hash is of its file's text); any other value is refused.
    /// </summary>
    static IConfiguration WithoutRetired(IConfiguration root, string source)
    {
        var device = root[RetiredDevice];
        if (device is null) return root;
        if (!device.Equals("cpu", StringComparison.OrdinalIgnoreCase))
            throw new ConfigException($"{source}: Run:Device = {device}: this build trains on the CPU only (TorchSharp-cpu); Run:Device was removed, delete the key.");
        return new ConfigurationBuilder().AddInMemoryCollection(root.AsEnumerable()
            .Where(kv => !kv.Key.Equals(RetiredDevice, StringComparison.OrdinalIgnoreCase))).Build();
    }

    const string RetiredDevice = "Run:Device";

    static IConfiguration WithoutLists(IConfiguration root) =>
        new ConfigurationBuilder().AddInMemoryCollection(root.AsEnumerable()
            .Where(kv => !kv.Key.Equals(ResetLayers, StringComparison.OrdinalIgnoreCase) && !kv.Key.StartsWith(ResetLayers + ":", StringComparison.OrdinalIgnoreCase))).Build();

    static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>The binder's "Failed to convert … to type 'System.Int64'" in the user's words: the key, the value given, what is allowed.</summary>
    static string? BadValue(Exception e)
    {
        var m = System.Text.RegularExpressions.Regex.Match(e.Message, "Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'");
        if (!m.Success) return null;
        var type = m.Groups["type"].Value;
        // Our own converters (Run:Game, the enum words) already say what is allowed: keep their words.
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        if (!type.StartsWith("System.", StringComparison.Ordinal) && inner is FormatException or ConfigException && !inner.Message.Contains("System.", StringComparison.Ordinal))
            return $"{m.Groups["key"].Value} = '{m.Groups["value"].Value}' is not allowed: {inner.Message.TrimEnd('.')}.";
        var allowed = type switch
        {
            "System.Int64" or "System.Int32" => "a whole number such as 100000 (no exponent, no separators)",
            "System.UInt32" or "System.UInt64" => "a whole number from 0 up, such as 7",
            "System.Double" or "System.Single" => "a number such as 0.25",
            "System.Boolean" => "true or false",
            _ => AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(type)).FirstOrDefault(t => t is { IsEnum: true }) is { } enumType
                ? $"one of: {string.Join(", ", Enum.GetNames(enumType))}"
                : $"a {type[(type.LastIndexOf('.') + 1)..].ToLowerInvariant()} name as docs/configuration.md lists them",
        };
        return $"{m.Groups["key"].Value} = '{m.Groups["value"].Value}' is not allowed; it takes {allowed}.";
    }

    static string Flatten(Exception e)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) messages.Add(x.Message.TrimEnd('.'));
        return string.Join(": ", messages.Distinct()) + ".";
    }
}
