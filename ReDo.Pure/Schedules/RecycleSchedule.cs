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
/// When the Reset baseline re-draws its layers: every Period gradient steps, never at step 0
/// (Nikishin et al. 2022, as the paper's §4 baseline; a period of 0 never resets).
/// </summary>
public sealed record ResetSchedule(long Period)
{
    public bool IsResetStep(long gradientStep) => Period > 0 && gradientStep > 0 && gradientStep % Period == 0;
}
