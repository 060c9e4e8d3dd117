using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Agents;

/// <summary>
/// The agent's clock, all a checkpoint needs to continue the schedules: the environment steps taken
/// (Dopamine's training_steps: agent steps so far, warm-up included) and the gradient updates performed.
/// Both agents keep it; SAC's plan is <see cref="SacStepPlan"/>.
/// </summary>
public sealed record AgentClock(long EnvironmentSteps, long Updates)
{
    public static AgentClock Start { get; } = new(0, 0);
}

/// <summary>
/// Every schedule of DQN's train step (Dopamine's _train_step with the paper's additions): the replay
/// ratio, the warm-up (Agent:MinReplayHistory), the target sync period, ε, ReDo's recycle window and
/// period F (null: ReDo off), dormancy logging every LogPeriod gradient steps, and the Reset baseline
/// (null: off).
/// </summary>
public sealed record Schedules(
    ReplayRatio ReplayRatio, long MinReplayHistory, long TargetUpdatePeriod, EpsilonSchedule Epsilon,
    RecycleSchedule? Recycle, LoggingSchedule DormancyLog, ResetSchedule<GradientSteps>? Reset)
{
    /// <summary>The schedules of a DQN config; its Reset:Period counts gradient steps.</summary>
    public static Schedules From(ExperimentConfig c) => From(c.Dqn, c.Redo, c.Reset);

    static Schedules From(DqnSettings a, RedoSettings redo, ResetSettings reset) => new(
        new ReplayRatio(a.ReplayRatio), a.MinReplayHistory, a.TargetUpdatePeriod,
        new EpsilonSchedule(a.MinReplayHistory, a.EpsilonDecayPeriod, a.EpsilonEnd),
        redo.Enabled ? new RecycleSchedule(redo.Period, redo.StartStep, redo.EndStep) : null,
        new LoggingSchedule(redo.LogPeriod),
        reset.Enabled ? new ResetSchedule<GradientSteps>(new(reset.Period)) : null);
}

/// <summary>One gradient update of a step: its number in the reference's counting, and what follows it.</summary>
public sealed record PlannedUpdate(long GradientStep, bool Recycle, bool LogDormancy, bool Reset)
{
    /// <summary>
    /// The k updates of update step <paramref name="t"/> (counted from the first step that may train),
    /// numbered (t // period)·k + u; each recycles inside ReDo's window every F, logs dormancy every
    /// LogPeriod from gradient step 0, and resets where <paramref name="resets"/> says. DQN and SAC alike.
    /// </summary>
    public static ValueList<PlannedUpdate> At(ReplayRatio ratio, long t, RecycleSchedule? recycle, LoggingSchedule log, Func<long, bool> resets)
    {
        var planned = new PlannedUpdate[ratio.UpdatesPerStep];
        for (int u = 0; u < planned.Length; u++)
        {
            long g = ratio.GradientStep(t, u);
            planned[u] = new PlannedUpdate(g, recycle?.IsRecycleStep(g) ?? false, log.IsLoggingStep(g), resets(g));
        }
        return [.. planned];
    }
}

/// <summary>
/// What the agent does at one agent step, decided from its clock alone: the updates (k every update
/// period once the warm-up is over, numbered (t // period)·k + u as the reference counts them; each
/// recycles inside ReDo's window every F steps, logs dormancy every LogPeriod steps from step 0, resets
/// every Reset:Period steps), whether the target network syncs (every TargetUpdatePeriod agent steps
/// after the warm-up), the ε to act with, and the clock after the step.
/// </summary>
public sealed record StepPlan(ValueList<PlannedUpdate> Updates, bool SyncTarget, double Epsilon, AgentClock NextClock)
{
    /// <summary>
    /// The plan of the agent step at <paramref name="clock"/>. The warm-up is over once the replay holds
    /// more than MinReplayHistory transitions; it receives one per agent step, so from training step
    /// MinReplayHistory on.
    /// </summary>
    public static StepPlan Next(AgentClock clock, Schedules s)
    {
        long t = clock.EnvironmentSteps;
        bool trains = t >= s.MinReplayHistory;
        var updates = ValueList<PlannedUpdate>.Empty;
        if (trains && s.ReplayRatio.IsUpdateStep(t))
            updates = PlannedUpdate.At(s.ReplayRatio, t, s.Recycle, s.DormancyLog, g => s.Reset?.IsResetStep(new GradientSteps(g)) ?? false);
        return new StepPlan(updates, trains && t % s.TargetUpdatePeriod == 0, EpsilonAt(clock, s), new AgentClock(t + 1, clock.Updates + updates.Count));
    }

    /// <summary>The updates a run has made after <paramref name="taken"/> agent steps: the sum of <see cref="Next"/>'s, in closed form.</summary>
    public static long UpdatesAfter(EnvironmentSteps taken, Schedules s)
    {
        long UpdateStepsUpTo(long t) => t < 0 ? 0 : t / s.ReplayRatio.UpdatePeriod + 1;
        long last = taken.Count - 1;
        return last < s.MinReplayHistory ? 0 : (UpdateStepsUpTo(last) - UpdateStepsUpTo(s.MinReplayHistory - 1)) * s.ReplayRatio.UpdatesPerStep;
    }

    /// <summary>The fewest agent steps that make an update: one past the first update step at or after the warm-up.</summary>
    public static long StepsToLearn(Schedules s)
    {
        long period = s.ReplayRatio.UpdatePeriod;
        return (s.MinReplayHistory + period - 1) / period * period + 1;
    }

    /// <summary>ε for the action at <paramref name="clock"/> (1 through the warm-up, then Dopamine's linear decay).</summary>
    public static double EpsilonAt(AgentClock clock, Schedules s) => s.Epsilon.At(clock.EnvironmentSteps);
}
