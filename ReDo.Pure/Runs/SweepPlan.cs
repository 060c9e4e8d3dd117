using ReDo.Pure.Collections;
namespace ReDo.Pure.Runs;

/// <summary>One axis of a sweep: a config key and the values it takes ("Agent:ReplayRatio=0.25,0.5,1,2").</summary>
public sealed record GridAxis(string Key, ValueList<string> Values)
{
    public static (GridAxis? Axis, string? Problem) Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) return (null, $"--set-grid '{text}' must look like Section:Key=v1,v2,… e.g. Agent:ReplayRatio=0.25,0.5,1,2");
        var key = text[..eq].Trim();
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!key.Contains(':')) return (null, $"--set-grid key '{key}' must name a section, e.g. Agent:ReplayRatio");
        if (values.Length == 0) return (null, $"--set-grid '{text}' lists no values");
        return (new GridAxis(key, values.Distinct().ToValueList()), null);
    }
}

/// <summary>A run of a sweep before it is bound to a config: its name, overrides and seed.</summary>
public sealed record SweepRun(string Name, ValueList<string> Overrides, int Seed);

/// <summary>Grids × seeds: every combination of the axes' values (first axis slowest), for every seed.</summary>
public static class SweepPlan
{
    public static IReadOnlyList<SweepRun> Expand(string baseName, IReadOnlyList<string> fixedOverrides, IReadOnlyList<GridAxis> axes, IReadOnlyList<int> seeds)
    {
        IEnumerable<(string Key, string Value)[]> combos = [[]];
        foreach (var axis in axes)
            combos = combos.SelectMany(c => axis.Values.Select(v => c.Append((axis.Key, v)).ToArray()));
        var runs = new List<SweepRun>();
        foreach (var combo in combos)
            foreach (var seed in seeds)
            {
                var label = string.Concat(combo.Select(kv => $"-{ShortKey(kv.Key)}={Safe(kv.Value)}"));
                runs.Add(new SweepRun($"{Safe(baseName)}{label}-seed{seed}",
                    [.. fixedOverrides, .. combo.Select(kv => $"{kv.Key}={kv.Value}")], seed));
            }
        return runs;
    }

    /// <summary>"Agent:ReplayRatio" → "ReplayRatio": the part that tells runs of one sweep apart.</summary>
    static string ShortKey(string key) => Safe(key[(key.LastIndexOf(':') + 1)..]);

    static string Safe(string s) => new(s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_').ToArray());
}
