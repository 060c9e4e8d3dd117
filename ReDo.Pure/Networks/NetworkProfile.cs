using System.ComponentModel;
using System.Text.Json.Serialization;
using ReDo.Pure.Config;

namespace ReDo.Pure.Networks;

/// <summary>
/// The catalog networks by the names configs (Agent:Network) and the command line (score --net) use;
/// <see cref="NetworkCatalog.For"/> builds each. An agent on MinAtar takes only the MinAtar ones
/// (the Nature CNNs need 84×84×4 Atari frames, the MLP vectors).
/// </summary>
[TypeConverter(typeof(ConfigNameConverter<NetworkProfile>))]
[JsonConverter(typeof(JsonStringEnumConverter<NetworkProfile>))]
public enum NetworkProfile
{
    /// <summary>Conv 16 3×3 → 128 → |A| (the MinAtar paper's DQN).</summary>
    [JsonStringEnumMemberName("minatar")] MinAtar,
    /// <summary>The same torso with advantage and value heads (DrQ(ε), docs/drq.md).</summary>
    [JsonStringEnumMemberName("minatar-dueling")] MinAtarDueling,
    /// <summary>A deeper, Nature-like net on the 10×10 planes: Conv 32 → Conv 64 → Conv 64 (3×3 VALID) → 512 → |A|.</summary>
    [JsonStringEnumMemberName("minatar-deep")] MinAtarDeep,
    /// <summary>Dopamine's Nature CNN.</summary>
    [JsonStringEnumMemberName("nature")] Nature,
    [JsonStringEnumMemberName("nature-dueling")] NatureDueling,
    /// <summary>8 inputs → 64 → 64 → |A|.</summary>
    [JsonStringEnumMemberName("mlp")] Mlp,
}
