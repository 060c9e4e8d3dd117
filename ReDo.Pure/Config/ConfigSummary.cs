using System.Globalization;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Config;

/// <summary>
/// A run configuration in one line, as <c>redo config list</c> shows the shipped ones: the agent
/// (DQN, DrQ(ε) or SAC), the environment, the length, the replay ratio and which of ReDo, Reset and
/// weight decay are on.
/// </summary>
public static class ConfigSummary
{
    public static string Describe(ExperimentConfig c)
    {
        bool sac = c.Agent is Agents.SacSettings;
        var (ratio, decay, width) = (c.Agent.ReplayRatio, c.Agent.WeightDecay, c.Agent.WidthMultiplier);
        var parts = new List<string>
        {
            $"{c.Agent.Name} on {c.Run.Game}",
            string.Create(CultureInfo.InvariantCulture, $"{c.Run.Frames:N0} {(sac ? "steps" : "frames")}"),
            string.Create(CultureInfo.InvariantCulture, $"replay ratio {ratio:G}"),
        };
        if (width != 1.0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"width ×{width:G}"));
        if (c.Redo.Enabled) parts.Add(string.Create(CultureInfo.InvariantCulture, $"ReDo τ = {c.Redo.Tau:G}, F = {c.Redo.Period:N0}"));
        if (c.Reset.Enabled) parts.Add(string.Create(CultureInfo.InvariantCulture, $"Reset every {c.Reset.Period:N0} {c.Agent.ResetUnit.Words(c.Reset.Period)}"));
        if (decay > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"weight decay {decay:G}"));
        return string.Join(", ", parts);
    }
}
