using System.ComponentModel;
using System.Text.Json.Serialization;
using ReDo.Pure.Config;

namespace ReDo.Pure.Recycling.Variants;

/// <summary>Redo:Selection: which neurons a recycle takes (docs/configuration.md, "Recycle variants").</summary>
[TypeConverter(typeof(ConfigNameConverter<RecycleSelection>))]
[JsonConverter(typeof(JsonStringEnumConverter<RecycleSelection>))]
public enum RecycleSelection
{
    /// <summary>Every τ-dormant neuron (ReDo, paper §3).</summary>
    [JsonStringEnumMemberName("threshold")] Threshold,
    /// <summary>
    /// The scheduled fraction (paper Fig. 15): max(1, round(n·f)) neurons per layer ranked by
    /// <see cref="ScoreType"/>, f = RecycleRate · cos(π/2 · step / EndStep).
    /// </summary>
    [JsonStringEnumMemberName("fraction")] Fraction,
}
