using ReDo.NumPyRandom;
using ReDo.Shell.Torch;
using ReDo.Pure.Agents;
using ReDo.Pure.Analyses;
using ReDo.Pure.Config;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Shell.Environments;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using ReDo.Recycling;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>
/// DQN as in the paper's Dopamine agent, with ReDo, Reset and weight decay as options; with
/// Agent:DoubleDqn, Agent:Augment = shift and the minatar-dueling network it is DrQ(ε) (docs/drq.md). One call of
/// <see cref="Step"/> per agent step stores the transition and carries out Dopamine's _train_step as
/// the pure <see cref="StepPlan"/> decides it from the agent's clock: the updates (each followed by
/// dormancy logging, recycling and Reset where planned), then the target sync. This class does no
/// schedule arithmetic of its own. Its checkpoint parts are <see cref="DqnParts"/>.
/// </summary>
public sealed class DqnAgent : IAgent<MinAtarObservation, int>
{
    readonly ExperimentConfig _config;
    readonly DqnSettings _dqn;
    readonly Schedules _schedules;
    readonly RecycleSettings _recycleSettings;
    readonly LayerResetPlan? _resetPlan;
    // Input tensors allocated once; the replay samples straight into them (no tensors per update: docs/performance.md).
    readonly HostTensor<float> _probe, _single;
    readonly ReplayBatches _batches;
    /// <summary>DrQ's random shift (and intensity noise if Agent:IntensityNoise > 0) on s and s′ (Agent:Augment = shift), or null.</summary>
    readonly BatchAugmentation? _shift;

    public NetworkSpec Spec { get; }
    public SpecNetwork Online { get; }
    public SpecNetwork Target { get; }
    public FlatOptimizer Optimizer { get; }
    public OptimizerMoments Moments { get; }
    public ReplayBuffer Replay { get; }
    /// <summary>Draws for ε-greedy, replay and probe sampling (MT19937, capturable).</summary>
    public RandomState Random { get; }
    /// <summary>libtorch generator for recycling and reset redraws.</summary>
    public Generator RedrawGenerator { get; }
    /// <summary>Environment steps taken (Dopamine's training_steps: calls of the train step so far, warm-up included) and gradient updates performed.</summary>
    public AgentClock Clock { get; private set; } = AgentClock.Start;
    public long EnvironmentSteps => Clock.EnvironmentSteps;
    public long Updates => Clock.Updates;
    public int ActionCount { get; }
    public IReadOnlyList<(string Name, SpecNetwork Network)> ScoredNetworks => [("online", Online)];
    public IReadOnlyList<string> MetricLayers { get; }

    public DqnAgent(ExperimentConfig config, int channels, int actions)
    {
        _config = config;
        var a = _dqn = config.Dqn;
        ActionCount = actions;
        _schedules = Schedules.From(config);
        _recycleSettings = RecycleSettings.From(config.Redo, a.Redo, config.Run.Seed);

        Spec = AgentNetworks.Spec(a, channels, actions);
        MetricLayers = [.. Spec.ScoredLayers.Select(l => l.Name)];
        if (config.Reset.Enabled)
        {
            var unknown = config.Reset.Layers.Where(n => !Spec.Layers.Any(l => l.Name == n)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"Reset:Layers names {string.Join(", ", unknown)}; the {Spec.Name} network has {string.Join(", ", Spec.Layers.Select(l => l.Name))}");
            _resetPlan = LayerResetPlan.Named(Spec, config.Reset.Layers);
        }
        RedrawGenerator = new Generator((ulong)config.Run.Seed, CPU);
        Online = AgentNetworks.Build(Spec, RedrawGenerator);
        Target = AgentNetworks.Build(Spec, RedrawGenerator);
        AgentNetworks.CopyInto(Online, Target);
        Optimizer = AgentNetworks.Optimizer(Online, a);
        Moments = new OptimizerMoments(Optimizer);
        Replay = new ReplayBuffer(a.ReplayCapacity, channels);
        Random = new RandomState((uint)config.Run.Seed);

        long[] stateShape = [.. Spec.Input.Shape.Select(d => (long)d)];
        _batches = new ReplayBatches(Replay, Spec, a, Random);
        _probe = new HostTensor<float>(ScalarType.Float32, [a.Redo.ProbeSize, .. stateShape]);
        _single = new HostTensor<float>(ScalarType.Float32, [1, .. stateShape]);
        if (a is DrqSettings drq)
            _shift = Spec.Input.Shape.Count == 3 ? new BatchAugmentation(Spec.Input.Shape[0], Spec.Input.Shape[1], Spec.Input.Shape[2], drq.IntensityNoise)
                : throw new ArgumentException($"Agent:Augment = shift needs image input; the {Spec.Name} network takes vectors");
    }

    public double Epsilon => StepPlan.EpsilonAt(Clock, _schedules);

    /// <summary>ε-greedy at the training schedule's ε.</summary>
    public int Act(ReadOnlySpan<float> observation) => Act(observation, Epsilon, Random);

    /// <summary>ε-greedy with an explicit ε and generator (evaluation uses its own).</summary>
    public int Act(ReadOnlySpan<float> observation, double epsilon, RandomState random)
    {
        if (random.Rand() <= epsilon) return random.RandInt(ActionCount);
        observation.CopyTo(_single.Span);
        using var scope = NewDisposeScope();
        using var _ = inference_mode();
        return (int)Online.Forward(_single.Tensor).argmax(1).item<long>();
    }

    public int Act(MinAtarObservation observation) => Act(observation.Planes);

    /// <summary>
    /// Stores (s, a, r, terminal) and runs one train step. The agent learns from clipped rewards where
    /// Env:ClipRewards says so (Dopamine); the runner's returns stay raw.
    /// </summary>
    public StepReport Step(Transition<MinAtarObservation, int> t)
    {
        float reward = (float)t.Reward;
        // A cut episode (a game cycle's turn ending) is stored as an episode end too: the replay keeps no
        // next state for it (the next entry is another game's first frame), so it must not bootstrap across.
        Replay.Add(t.Observation.Bits, t.Action, _dqn.Env.ClipRewards ? RewardClipping.Clip(reward) : reward, t.Terminated || t.Truncated);
        var plan = StepPlan.Next(Clock, _schedules);
        var report = StepReport.None;
        if (plan.Updates.Count > 0)
        {
            var updates = new UpdateReport[plan.Updates.Count];
            for (int u = 0; u < updates.Length; u++)
                updates[u] = GradientStep(plan.Updates[u], updatesAfter: Clock.Updates + u + 1);
            report = new StepReport([.. updates]);
        }
        if (plan.SyncTarget) AgentNetworks.CopyInto(Online, Target);
        Clock = plan.NextClock;
        return report;
    }

    public AgentState Capture() => new(EnvironmentSteps, Updates, Replay.AddCount, Random.Capture());

    public IEnumerable<(string Name, byte[] Bytes)> Bundle() => DqnParts.Capture(this);

    public void Unbundle(IReadOnlyDictionary<string, byte[]> parts, AgentState state)
    {
        DqnParts.Restore(this, parts);
        if (Replay.AddCount != state.ReplayAddCount)
            throw new InvalidDataException($"the replay buffer holds {Replay.AddCount} transitions, the checkpoint's state says {state.ReplayAddCount}");
        Clock = new AgentClock(state.EnvironmentSteps, state.Updates);
        Random.Restore(state.Random);
    }

    public void SaveWeights(BinaryWriter writer) => Online.save(writer);

    /// <summary>One isolated gradient update (no schedules), for benchmarks.</summary>
    internal UpdateReport UpdateOnce() => GradientStep(new PlannedUpdate(-1, Recycle: false, LogDormancy: false, Reset: false), Updates);

    /// <summary>One planned update: sample, learn, then measure / recycle / reset as planned.</summary>
    UpdateReport GradientStep(PlannedUpdate planned, long updatesAfter)
    {
        long gradientStep = planned.GradientStep;
        var a = _dqn;
        var batch = _batches.Next();
        if (_shift is not null)
        {
            // s and s′ shifted independently, as the reference augments them separately (docs/specs/redo-algorithm.md §3.2); the probe below never is.
            _shift.Apply(_batches.States, Random);
            _shift.Apply(_batches.NextStates, Random);
        }
        float loss = QLearningUpdate.Step(Online, Target, Optimizer, batch, a.DoubleDqn);
        if (!float.IsFinite(loss))
            throw new NonFiniteLossException(updatesAfter, gradientStep, loss, "Agent:LearningRate");
        var report = new UpdateReport(gradientStep, loss);

        bool recycle = planned.Recycle, log = planned.LogDormancy;
        if (recycle || log)
        {
            Replay.SampleStates(Random, a.Redo.ProbeSize, a.UpdateHorizon, _probe.Span);
            var probe = _probe.Tensor;
            // Ranks of the penultimate features (Table 7), measured on the same network state as the scores.
            double[]? singularValues = log ? PenultimateFeatures.SingularValues(Online, probe) : null;
            ActivationStatistics statistics;
            if (recycle)
            {
                var result = DormantNeuronRecycler.Recycle(Online, Moments, probe, _recycleSettings, RedrawGenerator, gradientStep);
                statistics = result.Statistics;
                report = report with { Recycled = result.Outcome };
            }
            else statistics = ActivationProbe.Measure(Online, probe);
            if (log)
            {
                var (atZero, atTau) = (DormancyReport.Assess(Spec, statistics, 0), DormancyReport.Assess(Spec, statistics, _config.Redo.Tau));
                report = report with
                {
                    AtZero = atZero, AtTau = atTau,
                    LogEntry = new DormancyLogEntry(updatesAfter, DormantMasks.From(gradientStep, atZero, atTau),
                        SingularValueRank.SRank(singularValues!), SingularValueRank.Entropy(singularValues!)),
                };
            }
        }
        if (planned.Reset && _resetPlan is not null)
            DormantNeuronRecycler.Reset(Online, Moments, _resetPlan, RedrawGenerator, _config.Reset.Redraw);
        return report;
    }

    public void Dispose()
    {
        foreach (var t in new IDisposable[] { _batches, _probe, _single }) t.Dispose();
        Optimizer.Dispose();
        Online.Dispose();
        Target.Dispose();
        RedrawGenerator.Dispose();
    }
}

/// <summary>
/// A NaN or infinite loss: training stops with the update named by both counters a user meets, the
/// updates performed (metrics.csv's gradient_steps, resume's count) and the schedule step (the
/// reference's numbering that Redo:Period, Redo:LogPeriod and Reset:Period follow, which counts the
/// warm-up); the last good checkpoint is kept.
/// </summary>
public sealed class NonFiniteLossException(long update, long scheduleStep, float loss, string learningRates)
    : Exception($"the loss became {loss} at update {update:N0} (schedule step {scheduleStep:N0}, the count Redo:Period and Redo:LogPeriod follow, " +
                $"warm-up included); lower {learningRates} or check the inputs. Training stopped.");
