using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Metrics;
using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using ReDo.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Shell.MuJoCo;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// Soft Actor-Critic with ReDo as the paper's reference runs it (RecycledSacAgent._train, App. B). One
/// call of <see cref="Step"/> per environment step stores the transition and carries out the pure
/// <see cref="SacStepPlan"/>: each planned gradient step (the critic and actor steps of
/// <see cref="SacLearner"/>, then dormancy logging and ReDo from the training batch's activations where
/// planned, the temperature step and the soft target update), the Reset baseline, the periodic greedy
/// evaluation. This class does no schedule arithmetic of its own; its checkpoint parts are <see cref="SacParts"/>.
/// </summary>
public sealed class SacAgent : IAgent<double[], double[]>
{
    public static readonly string[] NetworkNames = ["actor", "critic_1", "critic_2"];
    public const string EvalReturn = "eval_return";
    /// <summary>SAC's own metrics.csv columns (docs/metrics.md): the periodic greedy evaluation, then the interval's means of α, actor loss, α loss and policy entropy (critic loss is the loss column).</summary>
    public static readonly string[] Extras = [EvalReturn, "alpha", "actor_loss", "alpha_loss", "entropy"];

    readonly SacSchedules _schedules;
    readonly double _tau;
    readonly ResetSettings _reset;
    readonly RecycleSettings _recycle;
    readonly float[] _obs, _next, _actions, _rewards, _discounts, _single;

    /// <summary>The agent of a validated config with Agent:Kind = sac (sections Sac, Redo, Reset; seeded with Run:Seed).</summary>
    public SacAgent(ExperimentConfig config, int observationSize, int actionSize)
    {
        Settings = config.Sac.Validate();
        _schedules = SacSchedules.From(Settings, config.Redo, config.Reset);
        _tau = config.Redo.Tau;
        _reset = config.Reset;
        _recycle = new RecycleSettings(config.Redo.Tau, Options: RecycleOptions.Reference with { Redraw = config.Redo.Redraw });
        ObservationSize = observationSize; ActionSize = actionSize;
        Generator = new Generator((ulong)config.Run.Seed, CPU);
        Random = new RandomState((uint)config.Run.Seed);
        Learner = new SacLearner(Settings, observationSize, actionSize, Generator);
        Replay = new ContinuousReplay(Settings.ReplayCapacity, observationSize, actionSize);
        int b = Settings.BatchSize;
        _obs = new float[b * observationSize]; _next = new float[b * observationSize];
        _actions = new float[b * actionSize]; _rewards = new float[b]; _discounts = new float[b];
        _single = new float[observationSize];
    }

    public SacSettings Settings { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }
    /// <summary>Networks, optimizers and losses.</summary>
    public SacLearner Learner { get; }
    public ContinuousReplay Replay { get; }
    /// <summary>Replay sampling and the initial collect's random actions (MT19937, capturable).</summary>
    public RandomState Random { get; }
    /// <summary>libtorch generator: initialisation, policy noise, ReDo and Reset redraws.</summary>
    public Generator Generator { get; }
    /// <summary>Environment steps taken and gradient updates performed: what the plan is decided from.</summary>
    public AgentClock Clock { get; private set; } = AgentClock.Start;
    public long EnvironmentSteps => Clock.EnvironmentSteps;
    public long Updates => Clock.Updates;

    /// <summary>The clock from a checkpoint (the parameters, moments, replay and generators are restored by <c>SacParts</c>).</summary>
    public void RestoreClock(AgentClock clock)
    {
        if (clock.EnvironmentSteps < 0 || clock.Updates < 0) throw new InvalidDataException($"the checkpoint's counters are negative ({clock.EnvironmentSteps} steps, {clock.Updates} updates)");
        Clock = clock;
    }

    public IReadOnlyList<(string Name, SpecNetwork Network)> ScoredNetworks => [.. Learner.Scored.Select(n => (n.Name, n.Network))];

    /// <summary>An action in [−1, 1]^|A|: uniform during the initial collect, a policy sample while training, tanh(mean) when greedy.</summary>
    public double[] Act(ReadOnlySpan<double> observation, bool greedy = false)
    {
        var action = new double[ActionSize];
        if (!greedy && SacStepPlan.ActsRandomly(Clock, _schedules))
        {
            for (int i = 0; i < ActionSize; i++) action[i] = 2 * Random.Rand() - 1;
            return action;
        }
        for (int i = 0; i < _single.Length; i++) _single[i] = (float)observation[i];
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var x = tensor(_single, [1, ObservationSize]);
        var output = Learner.Actor.Forward(x);
        var a = greedy ? Learner.Policy.Mean(output) : Learner.Policy.Sample(output, Generator).Action;
        a.to(ScalarType.Float64).data<double>().ToArray().CopyTo(action, 0);
        return action;
    }

    /// <summary>Stores the transition (a cut-off episode still bootstraps) and carries out the step's plan: its updates, then Reset and the greedy evaluation when due.</summary>
    public StepReport Step(Transition<double[], double[]> t)
    {
        Replay.Add(t.Observation, t.Action, t.Reward, t.Next, t.Terminated);
        var plan = SacStepPlan.Next(Clock, _schedules);
        var updates = new UpdateReport[plan.Updates.Count];
        for (int u = 0; u < updates.Length; u++) updates[u] = GradientStep(plan.Updates[u], update: Updates + u + 1);
        if (plan.Reset) SacRecycling.Reset(Learner, _reset, Generator);
        Clock = plan.NextClock;
        var report = new StepReport([.. updates]);
        if (plan.Evaluate && EvaluationTask is { } task)
            report = report with { Extras = ValueList.Of(new NamedValue(EvalReturn, SacEpisodes.Evaluate(task, Settings.EvalEpisodes, o => Act(o, greedy: true)))) };
        return report;
    }

    /// <summary>One planned gradient step on a replay batch (App. B order), dormancy logged and ReDo run where planned; <paramref name="update"/> is its count from 1, for messages.</summary>
    internal UpdateReport GradientStep(PlannedUpdate planned, long update = 0)
    {
        int b = Settings.BatchSize;
        Replay.Sample(Random, b, _obs, _actions, _rewards, _next, _discounts);
        using var scope = NewDisposeScope();
        var learned = Learner.CriticAndActor(tensor(_obs, [b, ObservationSize]), tensor(_actions, [b, ActionSize]), tensor(_rewards, [b, 1]),
            tensor(_next, [b, ObservationSize]), tensor(_discounts, [b, 1]), Generator);
        double entropy = -learned.LogProb.mean().item<float>();
        if (!float.IsFinite(learned.CriticLoss) || !float.IsFinite(learned.ActorLoss))
            throw new NonFiniteLossException(update, planned.GradientStep, (float)((double)learned.CriticLoss + learned.ActorLoss), "Sac:CriticLearningRate and Sac:ActorLearningRate");
        var report = new UpdateReport(planned.GradientStep, learned.CriticLoss);
        if (planned.LogDormancy)
            report = report with
            {
                AtZero = NetworkDormancy.Combine(0, learned.Scored.Select(n => (n.Name, DormancyReport.Assess(n.Network.Spec, n.Statistics, 0, includeOutputs: true)))),
                AtTau = NetworkDormancy.Combine(_tau, learned.Scored.Select(n => (n.Name, DormancyReport.Assess(n.Network.Spec, n.Statistics, _tau, includeOutputs: true)))),
            };
        if (planned.Recycle) report = report with { Recycled = SacRecycling.Recycle(learned, _recycle, Generator) };
        float alphaLoss = Learner.Temperature(learned.LogProb);
        Learner.SoftUpdates();
        return report with
        {
            Extras = ValueList.Of(new NamedValue("alpha", Learner.Alpha), new NamedValue("actor_loss", learned.ActorLoss),
                new NamedValue("alpha_loss", alphaLoss), new NamedValue("entropy", entropy)),
        };
    }

    /// <summary>One isolated gradient update (no schedules), for benchmarks.</summary>
    internal UpdateReport UpdateOnce() => GradientStep(new PlannedUpdate(-1, Recycle: false, LogDormancy: false, Reset: false));

    // ── The runner's view (IAgent): docs/architecture.md, "How a new agent plugs in" ──────────

    /// <summary>The task of the periodic greedy evaluation (Sac:EvalPeriod, Sac:EvalEpisodes), its own instance and seed; null = no periodic evaluation. The agent owns it.</summary>
    public ControlEnvironment? EvaluationTask { get; init; }

    double IAgent.Epsilon => double.NaN;
    public IReadOnlyList<string> MetricLayers => NetworkNames;
    public IReadOnlyList<string> MetricExtras => Extras;

    double[] IAgent<double[], double[]>.Act(double[] observation) => Act(observation);

    public AgentState Capture() => new(EnvironmentSteps, Updates, Replay.AddCount, Random.Capture());

    public IEnumerable<(string Name, byte[] Bytes)> Bundle() => SacParts.Capture(this);

    public void Unbundle(IReadOnlyDictionary<string, byte[]> parts, AgentState state)
    {
        SacParts.Restore(this, parts);
        if (state.EnvironmentSteps != EnvironmentSteps || state.Updates != Updates || state.ReplayAddCount != Replay.AddCount)
            throw new InvalidDataException($"the checkpoint's state.json ({state.EnvironmentSteps} steps, {state.Updates} updates, {state.ReplayAddCount} stored) disagrees with its SAC parts ({EnvironmentSteps}, {Updates}, {Replay.AddCount})");
        long planned = SacStepPlan.UpdatesAfter(new EnvironmentSteps(EnvironmentSteps), _schedules);
        if (planned != Updates)
            throw new InvalidDataException($"the checkpoint has {Updates} updates after {EnvironmentSteps} environment steps, but this config's schedule takes {planned}: resume with the config the run was started with");
    }

    /// <summary>online.weights of a SAC run: actor, then critic_1 and critic_2.</summary>
    public void SaveWeights(BinaryWriter writer)
    {
        Learner.Actor.save(writer); Learner.Critic1.save(writer); Learner.Critic2.save(writer);
    }

    /// <summary>Reads what <see cref="SaveWeights"/> wrote (a network of another shape is an error from libtorch).</summary>
    public void LoadWeights(BinaryReader reader)
    {
        Learner.Actor.load(reader); Learner.Critic1.load(reader); Learner.Critic2.load(reader);
    }

    public void Dispose()
    {
        EvaluationTask?.Dispose();
        Learner.Dispose();
        Generator.Dispose();
    }
}
