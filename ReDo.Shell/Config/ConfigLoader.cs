using ReDo.Pure;
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
        if (!files.Exists(path) && files.DirectoryExists(path))
        {
            var inside = files.Files(path, "*.json").Order(StringComparer.Ordinal).ToList();
            throw new ConfigException($"'{path}' is a folder, not a config file; pass one of its files" +
                (inside.Count > 0 ? $", e.g. {Path.Combine(path, inside.Contains(Example) ? Example : inside[0])}" : "") + " (redo config list names the shipped configs).");
        }
        if (!files.Exists(path)) throw new ConfigException($"config file '{path}' does not exist; pass a config file or the name of a shipped one (redo config list).");
        return Load(files.ReadAllText(path), overrides, source: path, jsonSource: $"config file '{path}'");
    }

    /// <summary>The file a message about a folder of configs suggests when the folder holds it.</summary>
    const string Example = "minatar-breakout-dqn.json";

    /// <summary>A configuration given as JSON text (a run folder's config.json, a run spec's embedded config).</summary>
    public static ExperimentConfig LoadJson(string json, IEnumerable<string> overrides, string source) =>
        Load(json, overrides, source, jsonSource: source);

    /// <param name="source">names the configuration in messages about its keys and values</param>
    /// <param name="jsonSource">names it in a message about malformed JSON</param>
    static ExperimentConfig Load(string json, IEnumerable<string> overrides, string source, string jsonSource)
    {
        var pairs = Pairs(overrides);
        ConfigEntries entries;
        try { entries = ConfigEntries.FromJson(json).With(pairs); }
        catch (JsonException e)
        {
            throw new ConfigException($"{jsonSource} is not valid JSON: {e.Message}");
        }
        return Bind(entries, source);
    }

    static List<KeyValuePair<string, string>> Pairs(IEnumerable<string> overrides)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var o in overrides)
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) throw new ConfigException($"--set '{o}' must look like Section:Key=value, e.g. --set Agent:ReplayRatio=2.");
            pairs.Add(new(o[..eq].Trim(), o[(eq + 1)..].Trim()));
        }
        return pairs;
    }

    /// <summary>
    /// Binds what a configuration gives onto <see cref="ExperimentConfig"/>: unknown keys, values of the
    /// wrong shape or kind and values out of range are refused, each message naming the key, the value
    /// as given and what the key allows.
    /// </summary>
    static ExperimentConfig Bind(ConfigEntries entries, string source)
    {
        if (entries.Unknown.Count > 0)
        {
            var list = string.Join("; ", KeySuggestion.Unknown(entries.Unknown, KnownKeys)
                .Select(u => u.Message + (entries.UnknownFromSet(u.Key) ? " (given with --set)" : "")));
            throw new ConfigException($"{source}: {list}{(list.EndsWith('?') ? "" : ".")} Known keys are listed in docs/configuration.md.");
        }
        // Run:Device is retired: training is CPU-only (TorchSharp-cpu), so there is nothing to choose. Older
        // config.json files all hold "cpu", which is dropped, so their runs still resume; any other value is refused.
        if (entries.Values.TryGetValue(ConfigEntries.RetiredDevice, out var device) && !"cpu".Equals(device, StringComparison.OrdinalIgnoreCase))
            throw new ConfigException($"{source}: Run:Device = {device}: this build trains on the CPU only (TorchSharp-cpu); Run:Device was removed, delete the key.");
        var values = entries.Values.Where(kv => !kv.Key.Equals(ConfigEntries.RetiredDevice, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        var errors = entries.Errors.Concat(
            from kv in values
            let key = ConfigSchema.Find(kv.Key)!
            where kv.Value is not null && !ConfigSchema.Accepts(key, kv.Value)
            select ConfigSchema.Refusal(key.Path, ConfigSchema.Shown(kv.Value), ConfigSchema.Allowed(key))).ToList();
        if (errors.Count > 0) throw new ConfigException($"{source}: {string.Join("; ", errors)}.");
        ExperimentConfig config;
        try
        {
            // The binder cannot build immutable value lists (it would add to them); it binds every
            // scalar key onto the agent the config names, and the lists are set below as they are given.
            var root = new ConfigurationBuilder().AddInMemoryCollection(values.Where(kv => kv.Value is not null)).Build();
            config = ConfigFileFormat.Read(root, source);
        }
        catch (InvalidOperationException e)
        {
            // Every value was read by its type's converter above; a refusal here is the binder's own.
            throw new ConfigException($"{source}: {Flatten(e)}");
        }
        if (entries.Lists.TryGetValue(ResetLayers, out var layers))
            config = config with { Reset = config.Reset with { Layers = [.. layers] } };
        var invalid = ConfigValidation.Validate(config).Select(e => AsGiven(e, values)).ToList();
        if (invalid.Count == 0 && ReplayProblem(config) is { } replay) invalid = [AsGiven(replay, values)];
        if (invalid.Count > 0) throw new ConfigException($"{source}: {string.Join("; ", invalid)}.");
        return config;
    }

    /// <summary>
    /// A DQN replay too large for one array, refused here (where the game's channels are known) so that
    /// nothing is written first. SAC's observation size comes from its model: AgentFactory checks it.
    /// </summary>
    static string? ReplayProblem(ExperimentConfig c)
    {
        if (c.Agent is not DqnSettings dqn || c.Run.Game.MinAtar is not { } game) return null;
        var cycle = dqn.Env.GameCycle();
        int channels = (cycle?.Games ?? [game]).Max(g => global::ReDo.MinAtar.GameInfo.Of(g).Channels);
        return Pure.Agents.ReplayMemory.MinAtar(global::ReDo.MinAtar.ObservationLayout.ByteCount(channels))
            .Problem("Agent:ReplayCapacity", dqn.ReplayCapacity, cycle is null ? c.Run.Game.Name : $"the games {dqn.Env.Cycle}");
    }

    /// <summary>
    /// A validation message shows the value it read ("Agent:LearningRate = 1E-05"); where that key was
    /// given, the message shows it as written ("= 1e-5"), so the user finds what they typed.
    /// </summary>
    static string AsGiven(string error, IReadOnlyDictionary<string, string?> given)
    {
        var m = System.Text.RegularExpressions.Regex.Match(error, @"^(?<key>[A-Za-z]+:[A-Za-z]+) = (?<value>.*?): allowed ");
        return m.Success && given.TryGetValue(m.Groups["key"].Value, out var text) && text is not null
            ? $"{m.Groups["key"].Value} = {ConfigSchema.Shown(text)}{error[(m.Groups["value"].Index + m.Groups["value"].Length)..]}"
            : error;
    }

    /// <summary>The resolved configuration as written into a run folder (and read back by resume/evaluate).</summary>
    public static string ToJson(ExperimentConfig config) => ConfigFileFormat.Write(config);

    /// <summary>The config as a JSON element, as a run spec embeds it.</summary>
    public static JsonElement ToJsonElement(ExperimentConfig config) => JsonDocument.Parse(ToJson(config)).RootElement.Clone();

    public static ExperimentConfig FromRunFolder(string runFolder, IRunFiles files)
    {
        var path = Path.Combine(runFolder, RunLayout.Config);
        if (!files.Exists(path)) throw new ConfigException($"'{runFolder}' is not a run folder: it has no config.json (train writes one).");
        return Load(path, [], files);
    }

    const string ResetLayers = "Reset:Layers";

    /// <summary>Every key a config may hold: each section and each of its settings ("Run:Game"), whichever agent reads it.</summary>
    public static readonly IReadOnlyList<string> KnownKeys = [.. ConfigSchema.Sections, .. ConfigSchema.Keys.Select(k => k.Path)];

    static string Flatten(Exception e)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) messages.Add(x.Message.TrimEnd('.'));
        return string.Join(": ", messages.Distinct()) + ".";
    }
}
