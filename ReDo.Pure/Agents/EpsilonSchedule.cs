namespace ReDo.Pure.Agents;

/// <summary>
/// Dopamine's linearly decaying ε: 1.0 through the warm-up, then linear to <see cref="End"/> over
/// <see cref="DecayPeriod"/> steps, constant afterwards (MinAtar: 5,000 random frames, then
/// 1.0 → 0.1 over 100,000 frames).
/// </summary>
public sealed record EpsilonSchedule(long WarmupSteps, long DecayPeriod, double End)
{
    public double At(long step)
    {
        if (DecayPeriod <= 0) return step < WarmupSteps ? 1.0 : End;
        double stepsLeft = DecayPeriod + WarmupSteps - step;
        double bonus = (1.0 - End) * stepsLeft / DecayPeriod;
        return End + Math.Clamp(bonus, 0.0, 1.0 - End);
    }
}
