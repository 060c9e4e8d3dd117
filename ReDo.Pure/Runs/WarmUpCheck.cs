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
    public static long LearningFrom(ExperimentConfig c) => c.Agent switch
    {
        SacSettings sac => sac.InitialRandomSteps,
        DqnSettings => StepPlan.StepsToLearn(Agents.Schedules.From(c)) - 1,
        _ => 0,
    };

    /// <summary>The warning for a configuration whose run makes no update, or null.</summary>
    public static string? Warning(ExperimentConfig c)
    {
        var (updates, key, warmUp, toLearn) = c.Agent switch
        {
            SacSettings sac => (SacStepPlan.UpdatesAfter(new EnvironmentSteps(c.Run.Frames), SacSchedules.From(sac, c.Redo, c.Reset)),
                "Sac:InitialRandomSteps", (long)sac.InitialRandomSteps, sac.InitialRandomSteps + 1L),
            DqnSettings dqn => (StepPlan.UpdatesAfter(new EnvironmentSteps(c.Run.Frames), Agents.Schedules.From(c)),
                "Agent:MinReplayHistory", (long)dqn.MinReplayHistory, StepPlan.StepsToLearn(Agents.Schedules.From(c))),
            _ => (1L, "", 0L, 0L),
        };
        return updates > 0 ? null
            : $"Run:Frames = {c.Run.Frames:N0} ends within the warm-up ({key} = {warmUp:N0} steps of random play): no gradient update will be made, " +
              $"so the loss stays NaN and dormancy is never measured. A run that learns needs Run:Frames ≥ {toLearn:N0} (or a smaller {key}).";
    }
}
