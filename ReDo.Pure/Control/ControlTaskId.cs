using System.Text.Json.Serialization;

namespace ReDo.Pure.Control;

/// <summary>
/// The continuous-control tasks (paper App. B, Fig. 14: SAC on MuJoCo), plus a cart-pole of our own
/// for tests; named in a config (Run:Game) by lower-case words joined by '_' (<see cref="Config.ConfigName"/>).
/// </summary>
public enum ControlTaskId
{
    [JsonStringEnumMemberName("halfcheetah")] HalfCheetah,
    [JsonStringEnumMemberName("hopper")] Hopper,
    [JsonStringEnumMemberName("walker2d")] Walker2d,
    [JsonStringEnumMemberName("ant")] Ant,
    [JsonStringEnumMemberName("humanoid")] Humanoid,
    [JsonStringEnumMemberName("inverted_pendulum")] InvertedPendulum,
}
