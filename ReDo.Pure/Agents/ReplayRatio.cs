using System.Diagnostics.CodeAnalysis;

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
        if (!TryRealise(value, out var period, out var perStep, out var problem))
            throw new ArgumentOutOfRangeException(nameof(value), value, problem);
        Value = value;
        UpdatePeriod = period;
        UpdatesPerStep = perStep;
    }

    /// <summary>Whether <paramref name="value"/> has a whole update period and count (the constructor's test, without throwing).</summary>
    public static bool IsRealisable(double value) => TryRealise(value, out _, out _, out _);

    /// <summary>The update period and updates per step of <paramref name="value"/>, or false and why it has none.</summary>
    static bool TryRealise(double value, out int period, out int perStep, [NotNullWhen(false)] out string? problem)
    {
        period = perStep = 0;
        problem = null;
        if (!(value > 0) || double.IsInfinity(value)) problem = "the replay ratio must be a positive number";
        else if (value >= 1)
        {
            period = 1;
            perStep = (int)Math.Round(value);
            if (Math.Abs(perStep - value) > 1e-9) problem = "a replay ratio ≥ 1 must be a whole number of updates per step (1, 2, 4 …)";
        }
        else
        {
            perStep = 1;
            period = (int)Math.Round(1 / value);
            if (Math.Abs(1.0 / period - value) > 1e-9) problem = "a replay ratio < 1 must be 1/n (0.5, 0.25, 0.125 …)";
        }
        return problem is null;
    }

    /// <summary>Does agent step <paramref name="trainingStep"/> (counted from 0, warm-up included) train?</summary>
    public bool IsUpdateStep(long trainingStep) => trainingStep % UpdatePeriod == 0;

    /// <summary>The reference's gradient-step number of update <paramref name="u"/> at that agent step: (t // period)·k + u.</summary>
    public long GradientStep(long trainingStep, int u) => trainingStep / UpdatePeriod * UpdatesPerStep + u;
}
