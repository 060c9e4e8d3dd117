using ReDo.Pure.Schedules;

namespace ReDo.Pure.Agents;

/// <summary>
/// What SAC does at an environment step (TF-Agents sac_train_eval + RecycledSacAgent._train, App. B):
/// random actions for the initial collect, then the replay ratio's updates each step; per update,
/// dormancy logging every log period (step 0 included) and ReDo every F gradient steps (never step
/// 0); the Reset baseline on environment steps.
/// </summary>
public sealed record SacClock(SacSettings Settings)
{
    readonly ReplayRatio _ratio = new(Settings.ReplayRatio);
    readonly RecycleSchedule _recycle = new(Settings.RedoPeriod);
    readonly LoggingSchedule _log = new(Settings.DormancyLogPeriod);
    readonly RecycleSchedule _reset = new(Settings.ResetPeriod);

    /// <summary>Environment step <paramref name="envStep"/> (from 0) acts uniformly at random.</summary>
    public bool IsRandomStep(long envStep) => envStep < Settings.InitialRandomSteps;

    /// <summary>The gradient-step numbers trained after environment step <paramref name="envStep"/> (none during the initial collect).</summary>
    public IEnumerable<long> Updates(long envStep)
    {
        if (envStep < Settings.InitialRandomSteps) yield break;
        long t = envStep - Settings.InitialRandomSteps;
        if (!_ratio.IsUpdateStep(t)) yield break;
        for (int u = 0; u < _ratio.UpdatesPerStep; u++) yield return _ratio.GradientStep(t, u);
    }

    public bool Recycles(long gradientStep) => Settings.RedoEnabled && _recycle.IsRecycleStep(gradientStep);
    public bool LogsDormancy(long gradientStep) => _log.IsLoggingStep(gradientStep);
    /// <summary>Reset baseline after environment step <paramref name="envStep"/> (1-based count of steps taken).</summary>
    public bool Resets(long envStepsTaken) => Settings.ResetPeriod > 0 && _reset.IsRecycleStep(envStepsTaken);
}
