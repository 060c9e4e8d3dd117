namespace ReDo.Pure.Runs;

/// <summary>When the trainer writes a checkpoint (always at a frame boundary, never inside an agent step).</summary>
public static class CheckpointSchedule
{
    /// <summary>True when this frame's updates crossed a multiple of <paramref name="every"/> gradient steps (0 = never periodically).</summary>
    public static bool IsDue(long updatesBefore, long updatesAfter, long every) =>
        every > 0 && updatesAfter / every > updatesBefore / every;
}
