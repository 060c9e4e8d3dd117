namespace ReDo.Pure.Schedules;

/// <summary>
/// When ReDo recycles: every F gradient steps inside [Start, End), never at step 0 (reference:
/// step > 0, step % F == 0, reset_start_step ≤ step &lt; reset_end_step).
/// </summary>
public sealed record RecycleSchedule(long Period, long StartStep = 0, long EndStep = long.MaxValue)
{
    public bool IsRecycleStep(long gradientStep) =>
        Period > 0 && gradientStep > 0 && gradientStep % Period == 0 && gradientStep >= StartStep && gradientStep < EndStep;
}

/// <summary>When dormancy is logged: every L gradient steps, including step 0 (reference).</summary>
public sealed record LoggingSchedule(long Period)
{
    public bool IsLoggingStep(long gradientStep) => Period > 0 && gradientStep % Period == 0;
}

/// <summary>
/// When the Reset baseline re-draws its layers: every <see cref="Period"/>, never at 0 (Nikishin et al.
/// 2022, as the paper's §4 baseline; a period of 0 never resets). The unit is the period's type: DQN
/// resets every so many gradient steps, SAC every so many environment steps (App. B).
/// </summary>
public sealed record ResetSchedule<TSteps>(TSteps Period) where TSteps : struct, IStepCount
{
    /// <summary>Whether the reset comes at <paramref name="step"/> (a gradient step's number, or the environment steps taken).</summary>
    public bool IsResetStep(TSteps step) => Period.Count > 0 && step.Count > 0 && step.Count % Period.Count == 0;
}
