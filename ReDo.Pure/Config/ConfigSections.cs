using System.Reflection;
using ReDo.Pure.Agents;
using ReDo.Pure.Collections;

namespace ReDo.Pure.Config;

/// <summary>The keys of section "Agent" that pick the agent: Agent:Kind (DQN or SAC) and Agent:Augment (shift: DrQ(ε)).</summary>
public sealed record AgentChoice
{
    public AgentKind Kind { get; init; } = AgentKind.Dqn;
    /// <summary>none (DQN) or shift: DrQ's random shift on s and s′ of every training batch (DrQ(ε), docs/drq.md).</summary>
    public Augmentation Augment { get; init; } = Augmentation.None;

    public static AgentChoice Of(AgentSettings agent) =>
        new() { Kind = agent.Kind, Augment = agent is DrqSettings ? Augmentation.Shift : Augmentation.None };
}

/// <summary>
/// Keys of one section that one record holds and the same agents read: <paramref name="Owner"/> in words,
/// <paramref name="Owns"/> which agents they belong to, <paramref name="Selects"/> the key that picks
/// those agents, and <paramref name="Of"/> the record in a config (null when its agent has none).
/// </summary>
public sealed record KeyGroup(string Section, Type Record, ValueList<string> Keys, string Owner, string Selects,
    Func<AgentSettings, bool> Owns, Func<ExperimentConfig, object?> Of)
{
    public IEnumerable<string> QualifiedKeys => Keys.Select(k => $"{Section}:{k}");
}

/// <summary>
/// Where each key of a config file lives. The file keeps its sections (Run, Env, Agent, Redo, Reset,
/// Sac) as every shipped config and run folder writes them; <see cref="ExperimentConfig"/> holds the
/// agent as a union, so each section's keys belong to every agent or to one of them: DQN's (and
/// DrQ(ε)'s) Env, Agent and the probe and variant keys of Redo; DrQ(ε)'s Agent:IntensityNoise; SAC's
/// section Sac.
/// </summary>
public static class ConfigSections
{
    const string Every = "every agent", Dqn = "DQN and DrQ(ε)", Drq = "DrQ(ε)", Sac = "SAC";

    /// <summary>In the order a config file lists them.</summary>
    public static readonly ValueList<KeyGroup> Groups = ValueList.Of(
        Group<RunSettings>("Run", Every, "", _ => true, c => c.Run),
        Group<EnvSettings>("Env", Dqn, "Agent:Kind = dqn", a => a is DqnSettings, c => (c.Agent as DqnSettings)?.Env),
        new KeyGroup("Agent", typeof(AgentChoice), ValueList.Of(nameof(AgentChoice.Kind)), Every, "", _ => true, c => AgentChoice.Of(c.Agent)),
        Group<DqnSettings>("Agent", Dqn, "Agent:Kind = dqn", a => a is DqnSettings, c => c.Agent as DqnSettings, except: [nameof(DqnSettings.Env), nameof(DqnSettings.Redo)]),
        new KeyGroup("Agent", typeof(AgentChoice), ValueList.Of(nameof(AgentChoice.Augment)), Dqn, "Agent:Kind = dqn", a => a is DqnSettings, c => AgentChoice.Of(c.Agent)),
        Group<DrqSettings>("Agent", Drq, "Agent:Augment = shift", a => a is DrqSettings, c => c.Agent as DrqSettings, declaredOnly: true),
        Group<RedoSettings>("Redo", Every, "", _ => true, c => c.Redo),
        Group<DqnRedoSettings>("Redo", Dqn, "Agent:Kind = dqn", a => a is DqnSettings, c => (c.Agent as DqnSettings)?.Redo),
        Group<ResetSettings>("Reset", Every, "", _ => true, c => c.Reset),
        Group<SacSettings>("Sac", Sac, "Agent:Kind = sac", a => a is SacSettings, c => c.Agent as SacSettings));

    /// <summary>The sections, in the order a config file lists them.</summary>
    public static IEnumerable<string> Sections => Groups.Select(g => g.Section).Distinct();

    /// <summary>The group that holds <paramref name="key"/> (Section:Key, any case), or null.</summary>
    public static KeyGroup? GroupOf(string key) =>
        Groups.FirstOrDefault(g => g.QualifiedKeys.Contains(key, StringComparer.OrdinalIgnoreCase));

    static KeyGroup Group<T>(string section, string owner, string selects, Func<AgentSettings, bool> owns, Func<ExperimentConfig, object?> of,
        string[]? except = null, bool declaredOnly = false) =>
        new(section, typeof(T), ValueList.Of([.. typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance | (declaredOnly ? BindingFlags.DeclaredOnly : 0))
            .Where(p => p.CanWrite && !(except ?? []).Contains(p.Name))
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.Name)]), owner, selects, owns, of);
}
