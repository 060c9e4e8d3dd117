using System.Text.Json;
using ReDo.Pure.Agents;
using ReDo.Shell.Environments;

namespace ReDo.Shell.Agents;

/// <summary>What one frame did: the raw reward, whether the episode ended (the environment has been reset), and the agent's report.</summary>
public readonly record struct FrameResult(double Reward, bool EpisodeEnded, StepReport Report);

/// <summary>
/// An agent and its environment as the runner sees them, whatever their observation
/// and action types: one frame at a time, the environment's state for checkpoints, and the final
/// evaluation. <see cref="Interaction{TObservation, TAction}"/> is the one implementation.
/// </summary>
public interface IInteraction : IDisposable
{
    IAgent Agent { get; }

    /// <summary>Observe, act, step the environment, let the agent learn; reset the environment when the episode ended.</summary>
    FrameResult Frame();

    JsonElement CaptureEnvironment();
    void RestoreEnvironment(JsonElement state);

    /// <summary>Mean returns of the greedy policy and of a uniformly random one over the same environment seeds.</summary>
    (double Greedy, double Random) Evaluate(int episodes);
}

/// <summary>The loop body of Dopamine's runner for one agent type: observation → action → environment step → transition.</summary>
public sealed class Interaction<TObservation, TAction>(
    IAgent<TObservation, TAction> agent,
    IEnvironment<TObservation, TAction> environment,
    Func<int, (double Greedy, double Random)> evaluate) : IInteraction
{
    // The observation after the last step, kept as the next one to act on (null: observe afresh).
    TObservation? _next;
    bool _hasNext;

    public IAgent Agent => agent;

    public FrameResult Frame()
    {
        var observation = _hasNext ? _next! : environment.Observe();
        var action = agent.Act(observation);
        var step = environment.Step(action);
        var next = environment.Observe();
        var report = agent.Step(new Transition<TObservation, TAction>(observation, action, step.Reward, step.Terminated, step.Truncated, next));
        if (step.EpisodeEnded)
        {
            environment.Reset();
            (_next, _hasNext) = (default, false);
        }
        else (_next, _hasNext) = (next, true);
        return new FrameResult(step.Reward, step.EpisodeEnded, report);
    }

    public JsonElement CaptureEnvironment() => environment.Capture();

    public void RestoreEnvironment(JsonElement state)
    {
        environment.Restore(state);
        (_next, _hasNext) = (default, false);
    }

    public (double Greedy, double Random) Evaluate(int episodes) => evaluate(episodes);

    public void Dispose()
    {
        agent.Dispose();
        (environment as IDisposable)?.Dispose();
    }
}
