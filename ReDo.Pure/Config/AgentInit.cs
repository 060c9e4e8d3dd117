using System.ComponentModel;
using System.Text.Json.Serialization;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Config;

/// <summary>
/// Agent:Init: how every layer of DQN's network starts, and what ReDo and Reset redraw from: the
/// profile's own initialiser, or one for every layer.
/// </summary>
[TypeConverter(typeof(ConfigNameConverter<AgentInit>))]
[JsonConverter(typeof(JsonStringEnumConverter<AgentInit>))]
public enum AgentInit
{
    /// <summary>The profile's own (minatar: TorchDefault; minatar-dueling and nature: XavierUniform).</summary>
    Profile,
    /// <summary>Kernel and bias U(±1/√fan_in), PyTorch's default.</summary>
    TorchDefault,
    /// <summary>Xavier-uniform kernel, zero bias (Dopamine).</summary>
    XavierUniform,
}

public static class AgentInitChoice
{
    /// <summary>The initialiser every layer takes, or null for the profile's own.</summary>
    public static Initializer? Override(this AgentInit init) => init switch
    {
        AgentInit.Profile => null,
        AgentInit.TorchDefault => Initializer.TorchDefault,
        AgentInit.XavierUniform => Initializer.XavierUniform,
        _ => throw new ArgumentOutOfRangeException(nameof(init), init, "unknown Agent:Init"),
    };
}
