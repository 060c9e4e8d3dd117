using ReDo.Recycling.Torch;
using ReDo.Recycling.Optimizers;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.MinAtar.Random;
using ReDo.Pure.Collections;
using ReDo.Pure.Metrics;
using ReDo.Pure.Recycling;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.MuJoCo;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>What one SAC gradient step did (losses, temperature, and dormancy / recycling when they happened).</summary>
public sealed record SacUpdate(long GradientStep, double CriticLoss, double ActorLoss, double AlphaLoss, double Alpha, double Entropy)
{
    /// <summary>Dormancy at τ = 0 and at the ReDo τ per network (actor, critic_1, critic_2), all layers incl. outputs; null when not logged.</summary>
    public IReadOnlyDictionary<string, (DormancyReport AtZero, DormancyReport AtTau)>? Dormancy { get; init; }
    /// <summary>What ReDo recycled at this step, per layer named network/layer (actor/Dense_0 …); null when it did not run.</summary>
    public RecycleOutcome? Recycling { get; init; }
    public int Recycled => Recycling?.Total ?? 0;
}

/// <summary>
/// Soft Actor-Critic with ReDo as the paper's reference runs it (RecycledSacAgent._train, App. B):
/// per gradient step the critic loss forward (critic activations captured), the critic step, the
/// actor loss forward (actor activations captured), the actor step, dormancy logging, ReDo from the
/// captured training-batch activations, the temperature step, then the soft target update.
/// </summary>
public sealed class SacAgent : IAgent<double[], double[]>
{
    public static readonly string[] NetworkNames = ["actor", "critic_1", "critic_2"];
    public const string EvalReturn = "eval_return";
    /// <summary>SAC's own metrics.csv columns (docs/metrics.md): the periodic greedy evaluation, then the interval's means of α, actor loss, α loss and policy entropy (critic loss is the loss column).</summary>
    public static readonly string[] Extras = [EvalReturn, "alpha", "actor_loss", "alpha_loss", "entropy"];
    const string EvaluationPart = "sac-evaluation.bin";

    readonly SacSettings _s;
    readonly RedoSettings _redo;
    readonly ResetSettings _reset;
    readonly SquashedGaussian _policy = new();
    readonly float[] _obs, _next, _actions, _rewards, _discounts, _single;
    readonly Scalar _tau, _oneMinusTau, _gamma, _rewardScale, _half, _targetEntropy;
    readonly RecycleSettings _recycle;

    /// <summary>The agent of a validated config with Agent:Kind = sac (sections Sac, Redo, Reset; seeded with Run:Seed).</summary>
    public SacAgent(ExperimentConfig config, int observationSize, int actionSize)
    {
        _s = config.Sac.Validate();
        _redo = config.Redo;
        _reset = config.Reset;
        Clock = new SacClock(_s, config.Redo, config.Reset);
        int seed = config.Run.Seed;
        ObservationSize = observationSize; ActionSize = actionSize;
        TargetEntropy = -actionSize;
        Generator = new Generator((ulong)seed, CPU);
        Random = new RandomState((uint)seed);
        ActorSpec = SacNetworks.Actor(observationSize, actionSize, _s.WidthMultiplier);
        CriticSpec = SacNetworks.Critic(observationSize, actionSize, _s.WidthMultiplier);
        Actor = Build(ActorSpec); Critic1 = Build(CriticSpec); Critic2 = Build(CriticSpec);
        Target1 = Build(CriticSpec); Target2 = Build(CriticSpec);
        HardCopy(Critic1, Target1); HardCopy(Critic2, Target2);
        LogAlpha = new Parameter(tensor(new[] { (float)_s.InitialLogAlpha }));
        // Our own Adam (TorchSharp's optimizers make finalizer-freed Scalars: docs/torch-rules.md); β and ε are Adam's defaults, as the reference's optax.adam.
        ActorOptimizer = new ReDo.Recycling.Optimizers.Adam(Actor.parameters(), _s.ActorLearningRate, 0.9, 0.999, 1e-8, _s.WeightDecay);
        CriticOptimizer = new ReDo.Recycling.Optimizers.Adam(Critic1.parameters().Concat(Critic2.parameters()), _s.CriticLearningRate, 0.9, 0.999, 1e-8, _s.WeightDecay);
        AlphaOptimizer = new ReDo.Recycling.Optimizers.Adam([LogAlpha], _s.AlphaLearningRate, 0.9, 0.999, 1e-8);
        ActorMoments = new OptimizerMoments(ActorOptimizer);
        CriticMoments = new OptimizerMoments(CriticOptimizer);
        Replay = new ContinuousReplay(_s.ReplayCapacity, observationSize, actionSize);
        int b = _s.BatchSize;
        _obs = new float[b * observationSize]; _next = new float[b * observationSize];
        _actions = new float[b * actionSize]; _rewards = new float[b]; _discounts = new float[b];
        _single = new float[observationSize];
        _tau = _s.TargetSmoothing.ToScalar(); _oneMinusTau = (1 - _s.TargetSmoothing).ToScalar();
        _gamma = _s.Discount.ToScalar(); _rewardScale = _s.RewardScale.ToScalar(); _half = 0.5.ToScalar();
        _targetEntropy = TargetEntropy.ToScalar();
        _recycle = new RecycleSettings(_redo.Tau, Options: RecycleOptions.Reference with { Redraw = _redo.Redraw });
    }

    /// <summary>The pure schedule this agent follows (warm-up, updates, ReDo, dormancy logging, Reset, evaluation).</summary>
    public SacClock Clock { get; }
    public SacSettings Settings => _s;
    public int ObservationSize { get; }
    public int ActionSize { get; }
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
    public ContinuousReplay Replay { get; }
    /// <summary>Replay sampling and the initial collect's random actions (MT19937, capturable).</summary>
    public RandomState Random { get; }
    /// <summary>libtorch generator: initialisation, policy noise, ReDo and Reset redraws.</summary>
    public Generator Generator { get; }
    public long EnvironmentSteps { get; private set; }
    public long Updates { get; private set; }
    public double Alpha => Math.Exp(LogAlpha.item<float>());

    /// <summary>Counters from a checkpoint (the parameters, moments, replay and generators are restored by <c>SacParts</c>).</summary>
    public void RestoreCounters(long environmentSteps, long updates)
    {
        if (environmentSteps < 0 || updates < 0) throw new InvalidDataException($"the checkpoint's counters are negative ({environmentSteps} steps, {updates} updates)");
        EnvironmentSteps = environmentSteps; Updates = updates;
    }

    /// <summary>The networks ReDo scores, by the names the metrics use.</summary>
    public IReadOnlyList<(string Name, SpecNetwork Network)> ScoredNetworks => [("actor", Actor), ("critic_1", Critic1), ("critic_2", Critic2)];

    SpecNetwork Build(NetworkSpec spec)
    {
        var net = new SpecNetwork(spec);
        NetworkInit.Initialize(net, Generator);
        return net;
    }

    /// <summary>An action in [−1, 1]^|A|: uniform during the initial collect, a policy sample while training, tanh(mean) when greedy.</summary>
    public double[] Act(ReadOnlySpan<double> observation, bool greedy = false)
    {
        var action = new double[ActionSize];
        if (!greedy && Clock.IsRandomStep(EnvironmentSteps))
        {
            for (int i = 0; i < ActionSize; i++) action[i] = 2 * Random.Rand() - 1;
            return action;
        }
        for (int i = 0; i < _single.Length; i++) _single[i] = (float)observation[i];
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var x = tensor(_single, [1, ObservationSize]);
        var output = Actor.Forward(x);
        var a = greedy ? _policy.Mean(output) : _policy.Sample(output, Generator).Action;
        var values = a.to(ScalarType.Float64).data<double>().ToArray();
        values.CopyTo(action, 0);
        return action;
    }

    /// <summary>Stores the transition and trains as the clock says (RR updates per step after the initial collect); Reset baseline on environment steps.</summary>
    public IReadOnlyList<SacUpdate> Observe(ReadOnlySpan<double> observation, ReadOnlySpan<double> action, double reward, ReadOnlySpan<double> next, bool terminated)
    {
        Replay.Add(observation, action, reward, next, terminated);
        var updates = new List<SacUpdate>();
        foreach (var g in Clock.Updates(EnvironmentSteps)) updates.Add(Update(g));
        EnvironmentSteps++;
        if (Clock.Resets(EnvironmentSteps)) ResetNetworks();
        return updates;
    }

    /// <summary>One SAC gradient step numbered <paramref name="gradientStep"/> (App. B order).</summary>
    public SacUpdate Update(long gradientStep)
    {
        int b = _s.BatchSize;
        Replay.Sample(Random, b, _obs, _actions, _rewards, _next, _discounts);
        using var scope = NewDisposeScope();
        var s = tensor(_obs, [b, ObservationSize]);
        var a = tensor(_actions, [b, ActionSize]);
        var r = tensor(_rewards, [b, 1]);
        var s2 = tensor(_next, [b, ObservationSize]);
        var d = tensor(_discounts, [b, 1]);
        var alpha = LogAlpha.detach().exp();

        // Critic: y = reward_scale·r + γ·d·(min_j Q̄_j(s′, a′) − α log π(a′|s′)), a′ ~ π(·|s′).
        Tensor y;
        using (no_grad())
        {
            var (a2, logp2) = _policy.Sample(Actor.Forward(s2), Generator);
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

        // Actor: E[α log π(a|s) − min_j Q_j(s, a)], a ~ π(·|s) reparameterised.
        var ca = new Dictionary<string, Tensor>();
        var actorOut = Actor.ForwardCapturing(s, ca);
        var (aNew, logp) = _policy.Sample(actorOut, Generator);
        var saNew = cat([s, aNew], 1);
        var qNew = minimum(Critic1.Forward(saNew), Critic2.Forward(saNew));
        var actorLoss = (alpha * logp.unsqueeze(1) - qNew).mean();
        var actorStats = ActivationProbe.Reduce(ActorSpec, ca, actorOut);
        ActorOptimizer.ZeroGrad();
        actorLoss.backward();
        ActorOptimizer.Step();
        CriticOptimizer.ZeroGrad(); // the actor loss left gradients in the critics: they must not leak into the next critic step

        var update = new SacUpdate(gradientStep, criticLoss.item<float>(), actorLoss.item<float>(), 0, 0, -logp.mean().item<float>());
        if (!double.IsFinite(update.CriticLoss) || !double.IsFinite(update.ActorLoss))
            throw new NonFiniteLossException(gradientStep, (float)(update.CriticLoss + update.ActorLoss));
        var measured = new[] { ("actor", Actor, actorStats, ActorMoments), ("critic_1", Critic1, critic1Stats, CriticMoments), ("critic_2", Critic2, critic2Stats, CriticMoments) };
        if (Clock.LogsDormancy(gradientStep))
            update = update with
            {
                Dormancy = measured.ToDictionary(m => m.Item1, m =>
                    (DormancyReport.Assess(m.Item2.Spec, m.Item3, 0, includeOutputs: true), DormancyReport.Assess(m.Item2.Spec, m.Item3, _redo.Tau, includeOutputs: true))),
            };
        if (Clock.Recycles(gradientStep))
        {
            var layers = new List<LayerCount>();
            double change = 0;
            foreach (var (name, net, stats, moments) in measured)
            {
                var probe = net == Actor ? s : sa;
                var outcome = DormantNeuronRecycler.Recycle(net, moments, stats, probe, _recycle, Generator).Outcome;
                layers.AddRange(outcome.Recycled.Select(l => l with { Layer = $"{name}/{l.Layer}" }));
                change = Math.Max(change, outcome.MaxOutputChange);
            }
            update = update with { Recycling = new RecycleOutcome(layers.ToValueList(), change) };
        }

        // Temperature: minimise E[log α · (−log π − target entropy)] (TF-Agents alpha_loss).
        var alphaLoss = (LogAlpha * (-logp.detach() - _targetEntropy)).mean();
        AlphaOptimizer.ZeroGrad();
        alphaLoss.backward();
        AlphaOptimizer.Step();

        Updates++;
        SoftUpdate(Critic1, Target1); SoftUpdate(Critic2, Target2);
        return update with { AlphaLoss = alphaLoss.item<float>(), Alpha = Alpha };
    }

    /// <summary>θ̄ ← (1 − τ)·θ̄ + τ·θ for every parameter (τ = TargetSmoothing).</summary>
    public void SoftUpdate(SpecNetwork online, SpecNetwork target)
    {
        using var _ = no_grad();
        foreach (var (o, t) in online.parameters().Zip(target.parameters()))
            t.mul_(_oneMinusTau).add_(o, _tau);
    }

    static void HardCopy(SpecNetwork from, SpecNetwork to)
    {
        using var _ = no_grad();
        foreach (var (o, t) in from.parameters().Zip(to.parameters())) t.copy_(o);
    }

    /// <summary>Reset baseline (Nikishin et al. 2022; App. B): the Reset:Layers of actor and both critics re-drawn (all of them in the paper), their kernel moments zeroed, targets copied.</summary>
    void ResetNetworks()
    {
        foreach (var (_, net) in ScoredNetworks)
            DormantNeuronRecycler.Reset(net, net == Actor ? ActorMoments : CriticMoments, LayerResetPlan.Named(net.Spec, _reset.Layers), Generator, _reset.Redraw);
        HardCopy(Critic1, Target1); HardCopy(Critic2, Target2);
    }

    // ── The runner's view (IAgent): docs/architecture.md, "How a new agent plugs in" ──────────

    /// <summary>The task of the periodic greedy evaluation (Sac:EvalPeriod, Sac:EvalEpisodes), its own instance and seed; null = no periodic evaluation. The agent owns it.</summary>
    public ControlEnvironment? EvaluationTask { get; init; }

    double IAgent.Epsilon => double.NaN;
    public IReadOnlyList<string> MetricLayers => NetworkNames;
    public IReadOnlyList<string> MetricExtras => Extras;

    double[] IAgent<double[], double[]>.Act(double[] observation) => Act(observation);

    /// <summary>Stores the transition, runs the updates due, and the periodic greedy evaluation when due (after the step, as TF-Agents' eval_interval).</summary>
    public StepReport Step(Transition<double[], double[]> t)
    {
        var report = new StepReport(Observe(t.Observation, t.Action, t.Reward, t.Next, t.Terminated).Select(Report).ToValueList());
        if (EvaluationTask is { } task && Clock.Evaluates(EnvironmentSteps))
            report = report with { Extras = ValueList.Of(new NamedValue(EvalReturn, SacEpisodes.Evaluate(task, _s.EvalEpisodes, o => Act(o, greedy: true)))) };
        return report;
    }

    UpdateReport Report(SacUpdate u) => new(u.GradientStep, u.CriticLoss)
    {
        Recycled = u.Recycling,
        AtZero = u.Dormancy is { } d0 ? NetworkDormancy.Combine(0, NetworkNames.Select(n => (n, d0[n].AtZero))) : null,
        AtTau = u.Dormancy is { } d ? NetworkDormancy.Combine(_redo.Tau, NetworkNames.Select(n => (n, d[n].AtTau))) : null,
        Extras = ValueList.Of(new NamedValue("alpha", u.Alpha), new NamedValue("actor_loss", u.ActorLoss), new NamedValue("alpha_loss", u.AlphaLoss), new NamedValue("entropy", u.Entropy)),
    };

    public AgentState Capture() => new(EnvironmentSteps, Updates, Replay.AddCount, Random.Capture());

    /// <summary>SacParts' four parts, and the evaluation task's generator (its episodes always finish, so that is all its future depends on).</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Bundle()
    {
        foreach (var part in SacParts.Capture(this)) yield return part;
        if (EvaluationTask is { } task)
            yield return (EvaluationPart, CheckpointParts.Write(w => CheckpointParts.WriteRandom(w, task.CaptureRandom())));
    }

    public void Unbundle(IReadOnlyDictionary<string, byte[]> parts, AgentState state)
    {
        SacParts.Restore(this, parts);
        if (EvaluationTask is { } task)
            CheckpointParts.Read(parts, EvaluationPart, r => task.RestoreRandom(CheckpointParts.ReadRandom(r)));
        if (state.TrainingSteps != EnvironmentSteps || state.Updates != Updates || state.ReplayAddCount != Replay.AddCount)
            throw new InvalidDataException($"the checkpoint's state.json ({state.TrainingSteps} steps, {state.Updates} updates, {state.ReplayAddCount} stored) disagrees with its SAC parts ({EnvironmentSteps}, {Updates}, {Replay.AddCount})");
        if (Clock.GradientStepsAfter(EnvironmentSteps) != Updates)
            throw new InvalidDataException($"the checkpoint has {Updates} updates after {EnvironmentSteps} environment steps, but this config's schedule takes {Clock.GradientStepsAfter(EnvironmentSteps)}: resume with the config the run was started with");
    }

    /// <summary>online.weights of a SAC run: actor, then critic_1 and critic_2.</summary>
    public void SaveWeights(BinaryWriter writer)
    {
        Actor.save(writer); Critic1.save(writer); Critic2.save(writer);
    }

    /// <summary>Reads what <see cref="SaveWeights"/> wrote (a network of another shape is an error from libtorch).</summary>
    public void LoadWeights(BinaryReader reader)
    {
        Actor.load(reader); Critic1.load(reader); Critic2.load(reader);
    }

    public void Dispose()
    {
        EvaluationTask?.Dispose();
        foreach (var sc in new[] { _tau, _oneMinusTau, _gamma, _rewardScale, _half, _targetEntropy }) sc.Dispose();
        _policy.Dispose();
        ActorOptimizer.Dispose(); CriticOptimizer.Dispose(); AlphaOptimizer.Dispose();
        Actor.Dispose(); Critic1.Dispose(); Critic2.Dispose(); Target1.Dispose(); Target2.Dispose();
        LogAlpha.Dispose(); Generator.Dispose();
    }
}
