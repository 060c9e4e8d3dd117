using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.Recycling.Networks;

namespace ReDo.Shell.Agents;

/// <summary>
/// What the runner needs from any agent, whatever its actions and networks (Dopamine's agent API:
/// act, step, bundle_and_checkpoint / unbundle). How a new agent plugs in: docs/architecture.md.
/// </summary>
public interface IAgent : IDisposable
{
    /// <summary>Gradient updates performed so far (every metrics row and checkpoint names it).</summary>
    long Updates { get; }

    /// <summary>The exploration rate for the progress line (DQN's ε); NaN for an agent without one.</summary>
    double Epsilon { get; }

    /// <summary>The networks ReDo scores, by the names the metrics use (DQN: the online network; SAC: actor, critic_1, critic_2).</summary>
    IReadOnlyList<(string Name, SpecNetwork Network)> ScoredNetworks { get; }

    /// <summary>The metrics.csv layer columns, in order (one name per scored layer).</summary>
    IReadOnlyList<string> MetricLayers { get; }

    /// <summary>The agent's own metrics.csv columns after return_last100, in order (none for DQN; SAC: eval_return, alpha, actor_loss, alpha_loss, entropy).</summary>
    IReadOnlyList<string> MetricExtras => [];

    /// <summary>The agent's managed state for the checkpoint's state.json: its clock, replay fill and MT19937.</summary>
    AgentState Capture();

    /// <summary>The agent's binary checkpoint parts (networks, optimizer moments, replay, libtorch generators), by part name.</summary>
    IEnumerable<(string Name, byte[] Bytes)> Bundle();

    /// <summary>Loads <see cref="Bundle"/>'s parts and <see cref="Capture"/>'s state in place, so that training continues bit for bit.</summary>
    void Unbundle(IReadOnlyDictionary<string, byte[]> parts, AgentState state);

    /// <summary>The weights a finished run keeps (online.weights): what evaluation loads.</summary>
    void SaveWeights(BinaryWriter writer);
}

/// <summary>An agent that acts in an environment with observations <typeparamref name="TObservation"/> and actions <typeparamref name="TAction"/>.</summary>
public interface IAgent<TObservation, TAction> : IAgent
{
    /// <summary>The action to take now (exploration included): an action the environment understands.</summary>
    TAction Act(TObservation observation);

    /// <summary>Learns from one environment step: stores it and runs whatever updates this agent step is due (replay ratio, recycling, resets).</summary>
    StepReport Step(Transition<TObservation, TAction> transition);
}

/// <summary>
/// One environment step as the agent learns from it: the observation acted on, the action, the raw
/// reward, whether the episode ended in a terminal state (Terminated) or was cut off (Truncated), and
/// the observation after the step (before any reset).
/// </summary>
public sealed record Transition<TObservation, TAction>(TObservation Observation, TAction Action, double Reward, bool Terminated, bool Truncated, TObservation Next);

/// <summary>
/// An agent's managed state in a checkpoint: the environment steps taken (Dopamine's training_steps:
/// agent steps, warm-up included, one transition each), the gradient updates, how many transitions the
/// replay received, and the MT19937 of exploration and sampling.
/// </summary>
public sealed record AgentState(long EnvironmentSteps, long Updates, long ReplayAddCount, RandomStateSnapshot Random);
