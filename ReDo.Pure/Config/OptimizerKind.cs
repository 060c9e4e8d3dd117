using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ReDo.Pure.Config;

/// <summary>Agent:Optimizer.</summary>
[TypeConverter(typeof(ConfigNameConverter<OptimizerKind>))]
[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    /// <summary>Centered RMSProp (the MinAtar paper: α 0.95, ε 0.01).</summary>
    [JsonStringEnumMemberName("rmsprop")] RmsProp,
    /// <summary>Adam (the ReDo paper: ε 1.5e-4).</summary>
    [JsonStringEnumMemberName("adam")] Adam,
}
