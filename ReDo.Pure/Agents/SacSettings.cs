using ReDo.Pure.Config;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Agents;

/// <summary>
/// SAC on a MuJoCo task (Agent:Kind = sac), section "Sac" of a run configuration: SAC's
/// hyperparameters, the paper's Table 4 and TF-Agents' sac_train_eval defaults (docs/sac.md). ReDo,
/// Reset (every Reset:Period environment steps) and dormancy logging come from the shared "Redo" and
/// "Reset" sections (<see cref="SacSchedules"/>).
/// </summary>
public sealed record SacSettings : AgentSettings
{
    public override AgentKind Kind => AgentKind.Sac;
    public override StepUnit ResetUnit => StepUnit.EnvironmentSteps;
    public override string Name => "SAC";

    /// <summary>Scales both hidden layers of actor and critics (Table 6: 0.25, 0.5, 1 = (256, 256)).</summary>
    public override double WidthMultiplier { get; init; } = 1.0;
    public double ActorLearningRate { get; init; } = 3e-4;
    public double CriticLearningRate { get; init; } = 3e-4;
    /// <summary>Adam's learning rate for log α (the learned temperature).</summary>
    public double AlphaLearningRate { get; init; } = 3e-4;
    public double Discount { get; init; } = 0.99;
    /// <summary>τ of the soft target update θ̄ ← (1 − τ)·θ̄ + τ·θ after every gradient step.</summary>
    public double TargetSmoothing { get; init; } = 0.005;
    /// <summary>
    /// Multiplies the environment reward inside the critics' TD target only (TF-Agents
    /// reward_scale_factor): y = RewardScale·r + γ·d·(…). Reported returns are unscaled.
    /// </summary>
    public double RewardScale { get; init; } = 0.1;
    /// <summary>Transitions per gradient step; also the batch ReDo scores (the paper's probe of 256).</summary>
    public int BatchSize { get; init; } = 256;
    public int ReplayCapacity { get; init; } = 1_000_000;
    /// <summary>Environment steps with uniformly random actions before the first update (the initial collect).</summary>
    public int InitialRandomSteps { get; init; } = 10_000;
    /// <summary>Gradient updates per environment step after the initial collect (1, 2, 4 … or 1/n).</summary>
    public override double ReplayRatio { get; init; } = 1.0;
    /// <summary>log α at the start (TF-Agents initial_log_alpha 0: α = 1).</summary>
    public double InitialLogAlpha { get; init; } = 0.0;
    /// <summary>L2 added to the actor's and critics' gradients before Adam (the weight-decay baseline); 0 = off.</summary>
    public override double WeightDecay { get; init; } = 0.0;
    /// <summary>A greedy evaluation (the mean action tanh(μ)) every this many environment steps; 0 = none during training.</summary>
    public long EvalPeriod { get; init; } = 10_000;
    /// <summary>Episodes per periodic evaluation (TF-Agents num_eval_episodes 30).</summary>
    public int EvalEpisodes { get; init; } = 30;

    /// <summary>Itself when every knob is in range; otherwise an exception naming each bad key (the same words as config validation).</summary>
    public SacSettings Validate()
    {
        var problems = Config.ConfigValidation.ValidateSac(this);
        return problems.Count == 0 ? this : throw new ArgumentException(string.Join("; ", problems));
    }
}
