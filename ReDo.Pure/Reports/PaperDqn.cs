using System.Reflection;
using System.Text.Json;
using ReDo.Pure.Collections;
using ReDo.Pure.Config;

namespace ReDo.Pure.Reports;

/// <summary>
/// What makes a run the MinAtar paper's DQN, which `compare published` holds our runs against: the
/// config's defaults are that DQN (Young &amp; Tian 2019), so a run is it when its agent and environment
/// settings are the defaults (a <see cref="DqnSettings"/>, not DrQ(ε)'s or SAC's) and neither ReDo nor
/// Reset is on. Agent:EpsilonEval is left out: it changes only the final greedy evaluation, not the
/// curve compared; so are DQN's ReDo probe and variant keys, which act only with ReDo on.
/// </summary>
public static class PaperDqn
{
    static readonly string[] Ignored = [nameof(DqnSettings.Env), nameof(DqnSettings.Redo), nameof(DqnSettings.EpsilonEval)];

    /// <summary>Each setting in which the run differs from the paper's DQN, as "Key = value" (empty: it is that DQN).</summary>
    public static ValueList<string> Differences(ExperimentConfig run)
    {
        var differences = new List<string>();
        if (run.Redo.Enabled) differences.Add("Redo:Enabled = true");
        if (run.Reset.Enabled) differences.Add("Reset:Enabled = true");
        if (run.Agent is not DqnSettings dqn) return [.. differences.Prepend($"Agent:Kind = {ConfigName.Of(run.Agent.Kind)}")];
        if (dqn is DrqSettings) differences.Add("Agent:Augment = shift");
        var paper = new DqnSettings();
        differences.AddRange(Differing("Agent", typeof(DqnSettings), dqn, paper));
        differences.AddRange(Differing("Env", typeof(EnvSettings), dqn.Env, paper.Env));
        return [.. differences];
    }

    static IEnumerable<string> Differing(string section, Type record, object ours, object theirs) =>
        from p in record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where p.CanWrite && !Ignored.Contains(p.Name)
        let a = Shown(p.GetValue(ours))
        where a != Shown(p.GetValue(theirs))
        select $"{section}:{p.Name} = {a}";

    /// <summary>A value as config.json writes it (enums by their word), so that equal settings compare equal.</summary>
    static string Shown(object? value) => value is null ? "(unset)" : JsonSerializer.Serialize(value, value.GetType()).Trim('"');
}
