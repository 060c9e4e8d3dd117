namespace ReDo.Pure.Agents;

/// <summary>
/// Replay ratio = gradient updates per environment step, realised as the reference does: k updates
/// every <see cref="UpdatePeriod"/> agent steps. RR ≥ 1 → period 1, k = RR; RR &lt; 1 → k = 1,
/// period = 1/RR. Both must come out whole (0.25, 0.5, 1, 2, 4 …).
/// </summary>
public sealed record ReplayRatio
{
    public double Value { get; }
    public int UpdatePeriod { get; }
    public int UpdatesPerStep { get; }

    public ReplayRatio(double value)
    {
        if (!(value > 0) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "the replay ratio must be a positive number");
        Value = value;
        if (value >= 1)
        {
            UpdatePeriod = 1;
            UpdatesPerStep = (int)Math.Round(value);
            if (Math.Abs(UpdatesPerStep - value) > 1e-9) throw new ArgumentOutOfRangeException(nameof(value), value, "a replay ratio ≥ 1 must be a whole number of updates per step (1, 2, 4 …)");
        }
        else
        {
            UpdatesPerStep = 1;
            UpdatePeriod = (int)Math.Round(1 / value);
            if (Math.Abs(1.0 / UpdatePeriod - value) > 1e-9) throw new ArgumentOutOfRangeException(nameof(value), value, "a replay ratio < 1 must be 1/n (0.5, 0.25, 0.125 …)");
        }
    }

    public static bool IsRealisable(double value)
    {
        try { _ = new ReplayRatio(value); return true; }
        catch (ArgumentOutOfRangeException) { return false; }
    }

    /// <summary>Does agent step <paramref name="trainingStep"/> (counted from 0, warm-up included) train?</summary>
    public bool IsUpdateStep(long trainingStep) => trainingStep % UpdatePeriod == 0;

    /// <summary>The reference's gradient-step number of update <paramref name="u"/> at that agent step: (t // period)·k + u.</summary>
    public long GradientStep(long trainingStep, int u) => trainingStep / UpdatePeriod * UpdatesPerStep + u;
}
