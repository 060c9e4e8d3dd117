using ReDo.Pure.Agents;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// What one gradient step's critic and actor phases leave for the rest of it: the two losses, the
/// policy's log-probabilities (the temperature loss and the entropy), and each scored network's
/// activations on the training batch with the input it saw (what ReDo scores and recycles from).
/// </summary>
public sealed record SacLearned(float CriticLoss, float ActorLoss, Tensor LogProb,
    IReadOnlyList<(string Name, SpecNetwork Network, ActivationStatistics Statistics, Tensor Input, OptimizerMoments Moments)> Scored);

/// <summary>
/// SAC's networks and losses (Haarnoja et al. 2018; TF-Agents sac_agent, App. B): the actor, the twin
/// critics and their targets, log α, and an Adam for each of actor, critics and α. A gradient step
/// runs in the reference's order: <see cref="CriticAndActor"/> (critic loss and step, then actor loss
/// and step), whatever ReDo does with the captured activations, <see cref="Temperature"/>, then
/// <see cref="SoftUpdates"/>.
/// </summary>
public sealed class SacLearner : IDisposable
{
    readonly SquashedGaussian _policy = new();
    readonly Scalar _tau, _oneMinusTau, _gamma, _rewardScale, _half, _targetEntropy;

    /// <summary>Networks drawn from <paramref name="generator"/> in a fixed order (actor, critics, targets), so a seed gives one agent.</summary>
    public SacLearner(SacSettings s, int observationSize, int actionSize, Generator generator)
    {
        TargetEntropy = -actionSize;
        ActorSpec = SacNetworks.Actor(observationSize, actionSize, s.WidthMultiplier);
        CriticSpec = SacNetworks.Critic(observationSize, actionSize, s.WidthMultiplier);
        Actor = Build(ActorSpec, generator); Critic1 = Build(CriticSpec, generator); Critic2 = Build(CriticSpec, generator);
        Target1 = Build(CriticSpec, generator); Target2 = Build(CriticSpec, generator);
        HardCopyTargets();
        LogAlpha = new Parameter(tensor(new[] { (float)s.InitialLogAlpha }));
        // β and ε are Adam's defaults, as the reference's optax.adam; our own Adam keeps its Scalars (docs/torch-rules.md).
        ActorOptimizer = new ReDo.Recycling.Optimizers.Adam(Actor.parameters(), s.ActorLearningRate, 0.9, 0.999, 1e-8, s.WeightDecay);
        CriticOptimizer = new ReDo.Recycling.Optimizers.Adam(Critic1.parameters().Concat(Critic2.parameters()), s.CriticLearningRate, 0.9, 0.999, 1e-8, s.WeightDecay);
        AlphaOptimizer = new ReDo.Recycling.Optimizers.Adam([LogAlpha], s.AlphaLearningRate, 0.9, 0.999, 1e-8);
        ActorMoments = new OptimizerMoments(ActorOptimizer);
        CriticMoments = new OptimizerMoments(CriticOptimizer);
        _tau = s.TargetSmoothing.ToScalar(); _oneMinusTau = (1 - s.TargetSmoothing).ToScalar();
        _gamma = s.Discount.ToScalar(); _rewardScale = s.RewardScale.ToScalar(); _half = 0.5.ToScalar();
        _targetEntropy = TargetEntropy.ToScalar();
    }

    /// <summary>−|A| (Haarnoja et al. 2018b).</summary>
    public double TargetEntropy { get; }
    public NetworkSpec ActorSpec { get; }
    public NetworkSpec CriticSpec { get; }
    public SpecNetwork Actor { get; }
    public SpecNetwork Critic1 { get; }
    public SpecNetwork Critic2 { get; }
    public SpecNetwork Target1 { get; }
    public SpecNetwork Target2 { get; }
    public Parameter LogAlpha { get; }
    public FlatOptimizer ActorOptimizer { get; }
    public FlatOptimizer CriticOptimizer { get; }
    public FlatOptimizer AlphaOptimizer { get; }
    public OptimizerMoments ActorMoments { get; }
    public OptimizerMoments CriticMoments { get; }
    public SquashedGaussian Policy => _policy;
    public double Alpha => Math.Exp(LogAlpha.item<float>());

    /// <summary>The networks ReDo scores and Reset redraws, by the names the metrics use, with their optimizer's moments.</summary>
    public IReadOnlyList<(string Name, SpecNetwork Network, OptimizerMoments Moments)> Scored =>
        [("actor", Actor, ActorMoments), ("critic_1", Critic1, CriticMoments), ("critic_2", Critic2, CriticMoments)];

    static SpecNetwork Build(NetworkSpec spec, Generator generator)
    {
        var net = new SpecNetwork(spec);
        NetworkInit.Initialize(net, generator);
        return net;
    }

    /// <summary>
    /// The critic step, then the actor step, on one batch (s, a, r, s′, d = γ-free continuation mask),
    /// in the caller's dispose scope. Critic: y = reward_scale·r + γ·d·(min_j Q̄_j(s′, a′) − α log π(a′|s′)),
    /// a′ ~ π(·|s′), loss ½·mean((Q_1 − y)² + (Q_2 − y)²). Actor: E[α log π(a|s) − min_j Q_j(s, a)], a ~ π(·|s)
    /// reparameterised.
    /// </summary>
    public SacLearned CriticAndActor(Tensor s, Tensor a, Tensor r, Tensor s2, Tensor d, Generator generator)
    {
        var alpha = LogAlpha.detach().exp();
        Tensor y;
        using (no_grad())
        {
            var (a2, logp2) = _policy.Sample(Actor.Forward(s2), generator);
            var sa2 = cat([s2, a2], 1);
            var q2 = minimum(Target1.Forward(sa2), Target2.Forward(sa2)) - alpha * logp2.unsqueeze(1);
            y = (d * q2 * _gamma).add_(r * _rewardScale, Scalars.One);
        }
        var sa = cat([s, a], 1);
        var c1 = new Dictionary<string, Tensor>(); var c2 = new Dictionary<string, Tensor>();
        var q1 = Critic1.ForwardCapturing(sa, c1);
        var q2b = Critic2.ForwardCapturing(sa, c2);
        var e1 = q1 - y; var e2 = q2b - y;
        var criticLoss = e1.mul(e1).add_(e2.mul(e2), Scalars.One).mean() * _half; // TF-Agents critic_loss_weight 0.5
        var critic1Stats = ActivationProbe.Reduce(CriticSpec, c1, q1);
        var critic2Stats = ActivationProbe.Reduce(CriticSpec, c2, q2b);
        CriticOptimizer.ZeroGrad();
        criticLoss.backward();
        CriticOptimizer.Step();

        var ca = new Dictionary<string, Tensor>();
        var actorOut = Actor.ForwardCapturing(s, ca);
        var (aNew, logp) = _policy.Sample(actorOut, generator);
        var saNew = cat([s, aNew], 1);
        var qNew = minimum(Critic1.Forward(saNew), Critic2.Forward(saNew));
        var actorLoss = (alpha * logp.unsqueeze(1) - qNew).mean();
        var actorStats = ActivationProbe.Reduce(ActorSpec, ca, actorOut);
        ActorOptimizer.ZeroGrad();
        actorLoss.backward();
        ActorOptimizer.Step();
        CriticOptimizer.ZeroGrad(); // the actor loss left gradients in the critics: they must not leak into the next critic step

        return new SacLearned(criticLoss.item<float>(), actorLoss.item<float>(), logp,
            [("actor", Actor, actorStats, s, ActorMoments), ("critic_1", Critic1, critic1Stats, sa, CriticMoments), ("critic_2", Critic2, critic2Stats, sa, CriticMoments)]);
    }

    /// <summary>The temperature step: minimise E[log α · (−log π − target entropy)] (TF-Agents alpha_loss); returns the loss.</summary>
    public float Temperature(Tensor logProb)
    {
        var alphaLoss = (LogAlpha * (-logProb.detach() - _targetEntropy)).mean();
        AlphaOptimizer.ZeroGrad();
        alphaLoss.backward();
        AlphaOptimizer.Step();
        return alphaLoss.item<float>();
    }

    /// <summary>θ̄ ← (1 − τ)·θ̄ + τ·θ for both critics' targets, after every gradient step.</summary>
    public void SoftUpdates()
    {
        SoftUpdate(Critic1, Target1); SoftUpdate(Critic2, Target2);
    }

    /// <summary>θ̄ ← (1 − τ)·θ̄ + τ·θ for every parameter (τ = Sac:TargetSmoothing).</summary>
    public void SoftUpdate(SpecNetwork online, SpecNetwork target)
    {
        using var _ = no_grad();
        foreach (var (o, t) in online.parameters().Zip(target.parameters()))
            t.mul_(_oneMinusTau).add_(o, _tau);
    }

    /// <summary>The targets become copies of the critics (at the start and after a Reset).</summary>
    public void HardCopyTargets()
    {
        using var _ = no_grad();
        foreach (var (from, to) in new[] { (Critic1, Target1), (Critic2, Target2) })
            foreach (var (o, t) in from.parameters().Zip(to.parameters())) t.copy_(o);
    }

    public void Dispose()
    {
        foreach (var sc in new[] { _tau, _oneMinusTau, _gamma, _rewardScale, _half, _targetEntropy }) sc.Dispose();
        _policy.Dispose();
        ActorOptimizer.Dispose(); CriticOptimizer.Dispose(); AlphaOptimizer.Dispose();
        Actor.Dispose(); Critic1.Dispose(); Critic2.Dispose(); Target1.Dispose(); Target2.Dispose();
        LogAlpha.Dispose();
    }
}
