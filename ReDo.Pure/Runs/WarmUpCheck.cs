using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Runs;

/// <summary>
/// A run too short to leave its warm-up (DQN's Agent:MinReplayHistory, SAC's Sac:InitialRandomSteps of
/// random play) makes no gradient update: its loss stays NaN and its dormancy is never measured. Such a
/// run is allowed (a smoke test of the plumbing) but is told so before it starts, with the length that learns.
/// </summary>
public static class WarmUpCheck
{
    /// <summary>The frames done from which every further frame is a learning frame (DQN: the first update step; SAC: the end of the initial collect).</summary>
    public static long LearningFrom(ExperimentConfig c) => Plan(c).StepsToLearn - 1;

    /// <summary>The warning for a configuration whose run makes no update, or null.</summary>
    public static string? Warning(ExperimentConfig c)
    {
        var (updates, toLearn, key, warmUp) = Plan(c);
        return updates > 0 ? null
            : $"Run:Frames = {c.Run.Frames:N0} ends within the warm-up ({key} = {warmUp:N0} steps of random play): no gradient update will be made, " +
              $"so the loss stays NaN and dormancy is never measured. A run that learns needs Run:Frames ≥ {toLearn:N0} (or a smaller {key}).";
    }

    /// <summary>What the agent's own step plan says of this run: its updates, the fewest steps that make one, and the warm-up key.</summary>
    static (long Updates, long StepsToLearn, string Key, long WarmUp) Plan(ExperimentConfig c)
    {
        var frames = new EnvironmentSteps(c.Run.Frames);
        switch (c.Agent)
        {
            case SacSettings sac:
                var sacPlan = SacSchedules.From(sac, c.Redo, c.Reset);
                return (SacStepPlan.UpdatesAfter(frames, sacPlan), SacStepPlan.StepsToLearn(sacPlan), "Sac:InitialRandomSteps", sac.InitialRandomSteps);
            case DqnSettings dqn:
                var dqnPlan = Agents.Schedules.From(c);
                return (StepPlan.UpdatesAfter(frames, dqnPlan), StepPlan.StepsToLearn(dqnPlan), "Agent:MinReplayHistory", dqn.MinReplayHistory);
            default:
                return (1, 1, "", 0);
        }
    }
}
