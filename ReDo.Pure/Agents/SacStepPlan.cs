using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Agents;

/// <summary>
/// Every schedule of SAC's training loop (TF-Agents sac_train_eval with RecycledSacAgent._train, App. B):
/// the initial collect of uniformly random actions, the replay ratio after it, ReDo's window and period
/// F and dormancy logging on gradient steps (numbered from 0 at the first update), the Reset baseline and
/// the greedy evaluation on environment steps.
/// </summary>
public sealed record SacSchedules(
    EnvironmentSteps InitialCollect, ReplayRatio ReplayRatio, RecycleSchedule? Recycle, LoggingSchedule DormancyLog,
    ResetSchedule<EnvironmentSteps>? Reset, EnvironmentSteps EvaluationPeriod)
{
    public static SacSchedules From(SacSettings sac, RedoSettings redo, ResetSettings reset) => new(
        new(sac.InitialRandomSteps), new ReplayRatio(sac.ReplayRatio),
        redo.Enabled ? new RecycleSchedule(redo.Period, redo.StartStep, redo.EndStep) : null,
        new LoggingSchedule(redo.LogPeriod),
        reset.Enabled ? new ResetSchedule<EnvironmentSteps>(new(reset.Period)) : null,
        new(sac.EvalPeriod));
}

/// <summary>
/// What SAC does at one environment step, decided from its clock alone (<see cref="AgentClock"/>: the
/// environment steps taken before this one and the updates so far): the updates (the replay ratio's,
/// once the initial collect is over; each logs dormancy every LogPeriod gradient steps from step 0 and
/// recycles every F inside ReDo's window), whether the Reset baseline follows the step, whether a greedy
/// evaluation follows it, and the clock after the step. A resumed run plans the same steps.
/// </summary>
public sealed record SacStepPlan(ValueList<PlannedUpdate> Updates, bool Reset, bool Evaluate, AgentClock NextClock)
{
    public static SacStepPlan Next(AgentClock clock, SacSchedules s)
    {
        long t = clock.EnvironmentSteps - s.InitialCollect.Count;
        var updates = ValueList<PlannedUpdate>.Empty;
        if (t >= 0 && s.ReplayRatio.IsUpdateStep(t))
            updates = PlannedUpdate.At(s.ReplayRatio, t, s.Recycle, s.DormancyLog, _ => false);   // SAC's Reset counts environment steps: it follows the step, never an update
        var taken = new EnvironmentSteps(clock.EnvironmentSteps + 1);
        return new SacStepPlan(updates, s.Reset?.IsResetStep(taken) ?? false, Every(s.EvaluationPeriod, taken),
            new AgentClock(taken.Count, clock.Updates + updates.Count));
    }

    /// <summary>Whether the action at <paramref name="clock"/> is uniformly random (the initial collect).</summary>
    public static bool ActsRandomly(AgentClock clock, SacSchedules s) => clock.EnvironmentSteps < s.InitialCollect.Count;

    /// <summary>The updates a run has taken after <paramref name="taken"/> environment steps (what a checkpoint's counters must agree on).</summary>
    public static long UpdatesAfter(EnvironmentSteps taken, SacSchedules s)
    {
        long t = taken.Count - s.InitialCollect.Count;
        if (t <= 0) return 0;
        int period = s.ReplayRatio.UpdatePeriod;
        return (t + period - 1) / period * s.ReplayRatio.UpdatesPerStep;
    }

    /// <summary>The fewest environment steps that make an update: one past the initial collect.</summary>
    public static long StepsToLearn(SacSchedules s) => s.InitialCollect.Count + 1;

    static bool Every(EnvironmentSteps period, EnvironmentSteps taken) => period.Count > 0 && taken.Count % period.Count == 0;
}
