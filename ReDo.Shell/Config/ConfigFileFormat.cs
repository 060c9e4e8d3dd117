using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using ReDo.Pure;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;

namespace ReDo.Shell.Config;

/// <summary>
/// Between a config file's sections and <see cref="ExperimentConfig"/>'s agent union
/// (<see cref="ConfigSections"/> says which key belongs to which agent). Reading binds each agent's own
/// keys with the configuration binder; a key of another agent is accepted only at its default, because
/// every older config.json lists every key. Writing lists the keys of the config's own agent.
/// </summary>
public static class ConfigFileFormat
{
    /// <summary>The config a file and its overrides describe (the binder's exceptions name a bad value's key).</summary>
    public static ExperimentConfig Read(IConfiguration root, string source)
    {
        var choice = Bind<AgentChoice>(root, Group(typeof(AgentChoice), nameof(AgentChoice.Kind)), Group(typeof(AgentChoice), nameof(AgentChoice.Augment)));
        AgentSettings agent = choice.Kind switch
        {
            AgentKind.Sac => Bind<SacSettings>(root, Group(typeof(SacSettings))),
            _ => (choice.Augment == Augmentation.Shift ? Bind<DrqSettings>(root, Group(typeof(DqnSettings)), Group(typeof(DrqSettings))) : Bind<DqnSettings>(root, Group(typeof(DqnSettings))))
                with { Env = Bind<EnvSettings>(root, Group(typeof(EnvSettings))), Redo = Bind<DqnRedoSettings>(root, Group(typeof(DqnRedoSettings))) },
        };
        var config = new ExperimentConfig
        {
            Run = Bind<RunSettings>(root, Group(typeof(RunSettings))),
            Agent = agent,
            Redo = Bind<RedoSettings>(root, Group(typeof(RedoSettings))),
            Reset = Bind<ResetSettings>(root, Group(typeof(ResetSettings)) with { Keys = [.. Group(typeof(ResetSettings)).Keys.Where(k => k != nameof(ResetSettings.Layers))] }),
        };
        var foreign = ConfigSections.Groups.Where(g => !g.Owns(agent)).SelectMany(g => NotDefault(root, g, agent)).ToList();
        if (foreign.Count > 0) throw new ConfigException($"{source}: {string.Join("; ", foreign)}.");
        return config;
    }

    /// <summary>config.json of a run: the sections in their usual order, each with the keys of the config's own agent.</summary>
    public static string Write(ExperimentConfig config)
    {
        var file = new JsonObject();
        foreach (var group in ConfigSections.Groups.Where(g => g.Owns(config.Agent)))
        {
            var record = JsonSerializer.SerializeToNode(group.Of(config), group.Record)!.AsObject();
            var section = file[group.Section]?.AsObject() ?? (JsonObject)(file[group.Section] = new JsonObject());
            foreach (var key in group.Keys)
                if (record[key] is { } value) section[key] = value.DeepClone();
        }
        return file.ToJsonString(Indented);
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    static KeyGroup Group(Type record, string? key = null) =>
        ConfigSections.Groups.Single(g => g.Record == record && (key is null || g.Keys.Contains(key)));

    /// <summary>A record bound from the keys of <paramref name="groups"/> alone (its other properties keep their defaults).</summary>
    static T Bind<T>(IConfiguration root, params KeyGroup[] groups) where T : new() => (T)Bind(typeof(T), root, groups);

    static object Bind(Type type, IConfiguration root, params KeyGroup[] groups)
    {
        var keys = new HashSet<string>(groups.SelectMany(g => g.QualifiedKeys), StringComparer.OrdinalIgnoreCase);
        var own = root.AsEnumerable().Where(kv => kv.Value is not null && keys.Contains(string.Join(':', kv.Key.Split(':').Take(2))));
        // Full paths, so that the binder's messages name the key as written ("Agent:ReplayRatio").
        var section = new ConfigurationBuilder().AddInMemoryCollection(own).Build().GetSection(groups[0].Section);
        return section.Get(type, o => o.ErrorOnUnknownConfiguration = true) ?? Activator.CreateInstance(type)!;
    }

    static string Written(object? value, Type type) => value is null ? "unset" : JsonSerializer.Serialize(value, type).Trim('"');

    /// <summary>The keys of <paramref name="group"/> (another agent's) that the file sets to something other than their default.</summary>
    static IEnumerable<string> NotDefault(IConfiguration root, KeyGroup group, AgentSettings agent)
    {
        var given = group.Keys.Where(k => root[$"{group.Section}:{k}"] is not null).ToList();
        if (given.Count == 0) yield break;
        var bound = Bind(group.Record, root, group);
        var fresh = Activator.CreateInstance(group.Record)!;
        foreach (var key in given)
        {
            var property = group.Record.GetProperty(key, BindingFlags.Public | BindingFlags.Instance)!;
            var standard = property.GetValue(fresh);
            if (!Equals(property.GetValue(bound), standard))
                yield return ConfigSchema.Refusal($"{group.Section}:{key}", ConfigSchema.Shown(root[$"{group.Section}:{key}"]!),
                    $"only its default ({Written(standard, property.PropertyType)}) in a {agent.Name} config: it is a setting of {group.Owner}; remove it, or set {group.Selects}");
        }
    }
}
