using System.Text.Json;

namespace ReDo.Shell.Environments;

/// <summary>What an environment step returns to the runner: the raw reward and how the episode went on.</summary>
public readonly record struct EnvironmentStep(double Reward, bool Terminated, bool Truncated)
{
    public bool EpisodeEnded => Terminated || Truncated;
}

/// <summary>
/// An environment as the runner drives it: observe, step, reset after an episode ends, and its whole
/// state for checkpoints (a resumed run continues bit for bit).
/// </summary>
public interface IEnvironment<TObservation, TAction>
{
    /// <summary>The current observation, as a value the agent may keep (not a buffer that the next step overwrites).</summary>
    TObservation Observe();

    EnvironmentStep Step(TAction action);

    /// <summary>Starts the next episode.</summary>
    void Reset();

    /// <summary>Everything that decides the environment's future (state, generator, sticky action), as JSON for state.json.</summary>
    JsonElement Capture();

    void Restore(JsonElement state);
}
