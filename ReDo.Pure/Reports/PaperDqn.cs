using System.Reflection;
using System.Text.Json;
using ReDo.Pure.Collections;
using ReDo.Pure.Config;

namespace ReDo.Pure.Reports;

/// <summary>
/// What makes a run the MinAtar paper's DQN, which `compare published` holds our runs against: the
/// config's defaults are that DQN (Young &amp; Tian 2019), so a run is it when its agent and environment
/// settings are the defaults and neither ReDo nor Reset is on. Agent:EpsilonEval is left out: it
/// changes only the final greedy evaluation, not the curve compared.
/// </summary>
public static class PaperDqn
{
    static readonly string[] Sections = [nameof(ExperimentConfig.Agent), nameof(ExperimentConfig.Env)];
    static readonly string[] Ignored = ["Agent:EpsilonEval"];

    /// <summary>Each setting in which the run differs from the paper's DQN, as "Key = value" (empty: it is that DQN).</summary>
    public static ValueList<string> Differences(ExperimentConfig run)
    {
        var paper = new ExperimentConfig();
        var differences = new List<string>();
        if (run.Redo.Enabled) differences.Add("Redo:Enabled = true");
        if (run.Reset.Enabled) differences.Add("Reset:Enabled = true");
        foreach (var name in Sections)
        {
            var section = typeof(ExperimentConfig).GetProperty(name)!;
            object ours = section.GetValue(run)!, theirs = section.GetValue(paper)!;
            foreach (var p in section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var (a, b) = (Shown(p.GetValue(ours)), Shown(p.GetValue(theirs)));
                if (a != b && !Ignored.Contains($"{name}:{p.Name}")) differences.Add($"{name}:{p.Name} = {a}");
            }
        }
        return [.. differences];
    }

    /// <summary>A value as config.json writes it (enums by their word), so that equal settings compare equal.</summary>
    static string Shown(object? value) => value is null ? "(unset)" : JsonSerializer.Serialize(value, value.GetType()).Trim('"');
}
