using ReDo.Pure.Config;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Agents;

/// <summary>
/// What SAC does at an environment step (TF-Agents sac_train_eval + RecycledSacAgent._train, App. B):
/// random actions for the initial collect, then the replay ratio's updates each step; per update,
/// dormancy logging every Redo:LogPeriod gradient steps (step 0 included) and ReDo every F =
/// Redo:Period gradient steps inside [Redo:StartStep, Redo:EndStep) (never step 0); the Reset
/// baseline every Reset:Period environment steps; a greedy evaluation every Sac:EvalPeriod
/// environment steps. Depends only on the counters a checkpoint stores, so a resumed run plans the
/// same steps.
/// </summary>
public sealed record SacClock(SacSettings Sac, RedoSettings Redo, ResetSettings Reset)
{
    readonly ReplayRatio _ratio = new(Sac.ReplayRatio);
    readonly RecycleSchedule _recycle = new(Redo.Period, Redo.StartStep, Redo.EndStep);
    readonly LoggingSchedule _log = new(Redo.LogPeriod);
    readonly RecycleSchedule _reset = new(Reset.Period);

    /// <summary>Environment step <paramref name="envStep"/> (from 0) acts uniformly at random.</summary>
    public bool IsRandomStep(long envStep) => envStep < Sac.InitialRandomSteps;

    /// <summary>The gradient-step numbers trained after environment step <paramref name="envStep"/> (from 0; none during the initial collect).</summary>
    public IEnumerable<long> Updates(long envStep)
    {
        if (envStep < Sac.InitialRandomSteps) yield break;
        long t = envStep - Sac.InitialRandomSteps;
        if (!_ratio.IsUpdateStep(t)) yield break;
        for (int u = 0; u < _ratio.UpdatesPerStep; u++) yield return _ratio.GradientStep(t, u);
    }

    /// <summary>Gradient steps taken after <paramref name="envStepsTaken"/> environment steps (what a checkpoint's counters must agree on).</summary>
    public long GradientStepsAfter(long envStepsTaken)
    {
        long t = envStepsTaken - Sac.InitialRandomSteps;
        if (t <= 0) return 0;
        long periods = (t + _ratio.UpdatePeriod - 1) / _ratio.UpdatePeriod;
        return periods * _ratio.UpdatesPerStep;
    }

    public bool Recycles(long gradientStep) => Redo.Enabled && _recycle.IsRecycleStep(gradientStep);
    public bool LogsDormancy(long gradientStep) => _log.IsLoggingStep(gradientStep);
    /// <summary>Reset baseline after <paramref name="envStepsTaken"/> environment steps (a count, from 1).</summary>
    public bool Resets(long envStepsTaken) => Reset.Enabled && _reset.IsRecycleStep(envStepsTaken);
    /// <summary>A greedy evaluation after <paramref name="envStepsTaken"/> environment steps (a count, from 1).</summary>
    public bool Evaluates(long envStepsTaken) => Sac.EvalPeriod > 0 && envStepsTaken > 0 && envStepsTaken % Sac.EvalPeriod == 0;
}
