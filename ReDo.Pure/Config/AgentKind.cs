using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ReDo.Pure.Config;

/// <summary>Agent:Kind: which agent a run trains, and so which sections of the config it reads.</summary>
[TypeConverter(typeof(ConfigNameConverter<AgentKind>))]
[JsonConverter(typeof(JsonStringEnumConverter<AgentKind>))]
public enum AgentKind
{
    /// <summary>DQN and DrQ(ε) on MinAtar: sections Env and Agent (docs/drq.md).</summary>
    [JsonStringEnumMemberName("dqn")] Dqn,
    /// <summary>SAC on a MuJoCo task: section Sac (docs/sac.md).</summary>
    [JsonStringEnumMemberName("sac")] Sac,
}
