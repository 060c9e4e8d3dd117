namespace ReDo.Pure.Agents;

/// <summary>
/// SAC's hyperparameters (the paper's Table 4 / TF-Agents sac_train_eval defaults) and the ReDo,
/// Reset and weight-decay options (App. B). <see cref="RewardScale"/> multiplies the environment
/// reward inside the critics' TD target only (TF-Agents reward_scale_factor); reported returns are
/// unscaled.
/// </summary>
public sealed record SacSettings
{
    public double WidthMultiplier { get; init; } = 1.0;
    public double LearningRate { get; init; } = 3e-4;       // actor, critics and α
    public double Discount { get; init; } = 0.99;
    public double TargetSmoothing { get; init; } = 0.005;   // soft target update, every gradient step
    public double RewardScale { get; init; } = 0.1;
    public int BatchSize { get; init; } = 256;
    public int ReplayCapacity { get; init; } = 1_000_000;
    public int InitialRandomSteps { get; init; } = 10_000;
    public double ReplayRatio { get; init; } = 1.0;
    public double InitialLogAlpha { get; init; } = 0.0;
    /// <summary>L2 added to the actor's and critics' gradients before Adam (weight-decay baseline); 0 = off.</summary>
    public double WeightDecay { get; init; } = 0.0;

    public bool RedoEnabled { get; init; }
    public double RedoTau { get; init; } = 0.0;
    public long RedoPeriod { get; init; } = 200_000;        // gradient steps
    public long DormancyLogPeriod { get; init; } = 10_000;  // gradient steps (TF-Agents log_interval)

    /// <summary>Reset baseline (Nikishin et al.): every layer of actor and critics re-drawn every this many environment steps; 0 = off.</summary>
    public long ResetPeriod { get; init; }

    public SacSettings Validate()
    {
        static void Positive(double x, string name) { if (!(x > 0) || double.IsInfinity(x)) throw new ArgumentOutOfRangeException(name, x, $"{name} must be a positive number"); }
        Positive(WidthMultiplier, nameof(WidthMultiplier)); Positive(LearningRate, nameof(LearningRate)); Positive(RewardScale, nameof(RewardScale));
        if (!(Discount is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Discount), Discount, "Discount must be in [0, 1]");
        if (!(TargetSmoothing is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(TargetSmoothing), TargetSmoothing, "TargetSmoothing must be in (0, 1]");
        if (BatchSize < 1 || ReplayCapacity < BatchSize) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be ≥ 1 and ≤ ReplayCapacity");
        if (InitialRandomSteps < 0) throw new ArgumentOutOfRangeException(nameof(InitialRandomSteps), InitialRandomSteps, "InitialRandomSteps must be ≥ 0");
        if (!Agents.ReplayRatio.IsRealisable(ReplayRatio)) throw new ArgumentOutOfRangeException(nameof(ReplayRatio), ReplayRatio, "ReplayRatio must be a whole number ≥ 1 or 1/n");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay must be ≥ 0");
        if (!(RedoTau >= 0) || RedoPeriod < 1 || DormancyLogPeriod < 1 || ResetPeriod < 0)
            throw new ArgumentOutOfRangeException(nameof(RedoPeriod), "RedoTau ≥ 0, RedoPeriod ≥ 1, DormancyLogPeriod ≥ 1 and ResetPeriod ≥ 0 are required");
        return this;
    }
}
