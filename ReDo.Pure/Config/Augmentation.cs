using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ReDo.Pure.Config;

/// <summary>Agent:Augment: what is done to s and s′ of every training batch (the probe batch never is).</summary>
[TypeConverter(typeof(ConfigNameConverter<Augmentation>))]
[JsonConverter(typeof(JsonStringEnumConverter<Augmentation>))]
public enum Augmentation
{
    [JsonStringEnumMemberName("none")] None,
    /// <summary>DrQ's random shift, scaled to 10×10 planes (docs/drq.md).</summary>
    [JsonStringEnumMemberName("shift")] Shift,
}
