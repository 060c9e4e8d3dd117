using System.Text.Json;
using System.Text.Json.Serialization;
using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.Shell.Agents;

namespace ReDo.Shell.Runs;

/// <summary>
/// The managed part of a checkpoint (state.json): where the runner stood (frames, the open episode's
/// return, the last 100 returns, the open logging interval's accumulators), the agent's
/// <see cref="AgentState"/> (its counters and MT19937) and the environment's own state. Tensors,
/// replay and libtorch generators are the agent's binary parts.
/// </summary>
public sealed record RunnerState(
    long Frames,
    // Dopamine's name for the agent's steps, kept in state.json so that every checkpoint loads.
    [property: JsonPropertyName("TrainingSteps")] long EnvironmentSteps,
    long Updates,
    long ReplayAddCount,
    double EpisodeReturn,
    double LastDormant,
    double[] RecentReturns,
    RandomStateSnapshot AgentRandom,
    JsonElement Environment,
    IntervalStats Stats,
    // The frame of the row that measured LastDormant (absent from older checkpoints: null).
    long? LastDormantFrame = null)
{
    public AgentState AgentState() => new(EnvironmentSteps, Updates, ReplayAddCount, AgentRandom);
}
