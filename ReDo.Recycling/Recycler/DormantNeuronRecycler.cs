using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Pure.Config;
using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using ReDo.Recycling.Networks;
using static TorchSharp.torch;

namespace ReDo.Recycling;

/// <summary>
/// The settings of one ReDo recycle: threshold τ (also the τ of the reported dormancy), flatten
/// mapping and how the plan is carried out; with <paramref name="Scheduled"/> the neurons are chosen by
/// the scheduled fraction instead of τ, and with <paramref name="WeightScaling"/> the fresh incoming
/// vectors are rescaled (paper App. C.2, Fig. 23; docs/specs/redo-algorithm.md §2.3).
/// </summary>
public sealed record RecycleSettings(double Tau, FlattenMapping Mapping = FlattenMapping.ChannelsFirst, RecycleOptions? Options = null,
    ScheduledSelection? Scheduled = null, bool WeightScaling = false)
{
    public RecycleOptions EffectiveOptions => Options ?? RecycleOptions.Reference;

    /// <summary>A DQN run's recycle settings from its Redo section: the keys both agents read and DQN's own (docs/configuration.md).</summary>
    public static RecycleSettings From(RedoSettings redo, DqnRedoSettings dqn, int seed) => new(
        redo.Tau,
        dqn.Mapping,
        RecycleOptions.Reference with { Redraw = redo.Redraw, Outgoing = dqn.Outgoing },
        dqn.Selection == RecycleSelection.Fraction ? new ScheduledSelection(dqn.ScoreType, new ScheduledFraction(dqn.RecycleRate, redo.EndStep), (ulong)seed) : null,
        dqn.WeightScaling);
}

/// <summary>What one score-and-recycle decided and did.</summary>
public sealed record RecycleResult(ActivationStatistics Statistics, DormancyReport Dormancy, RecyclePlan Plan, RecycleOutcome Outcome);

/// <summary>
/// ReDo on a live network: score the probe batch (shell measures, core decides), plan, draw,
/// apply in place, and measure how much the network's outputs on the probe moved.
/// </summary>
public static class DormantNeuronRecycler
{
    /// <param name="gradientStep">The step of this recycle: the scheduled fraction's f and its random rankings depend on it.</param>
    public static RecycleResult Recycle(IRecyclableNetwork net, OptimizerMoments moments, Tensor probe, RecycleSettings settings, Generator generator, long gradientStep = 0)
    {
        RequireMoments(moments);
        using var scope = NewDisposeScope();   // the captured activations live until the output change is measured
        var capture = ActivationProbe.Capture(net, probe);
        return Apply(net, moments, capture.Statistics, probe, capture.Output, capture.Layers, settings, generator, gradientStep);
    }

    /// <summary>
    /// ReDo from scores measured earlier (SAC: the training batch's loss forward before the update,
    /// App. B); <paramref name="probe"/> only measures how much the outputs move.
    /// </summary>
    public static RecycleResult Recycle(IRecyclableNetwork net, OptimizerMoments moments, ActivationStatistics statistics, Tensor probe, RecycleSettings settings, Generator generator)
    {
        RequireMoments(moments);
        Tensor outputBefore;
        using (var scope = NewDisposeScope())
        using (var _ = no_grad())
            outputBefore = net.Forward(probe).detach().MoveToOuterDisposeScope();
        using (outputBefore) return Apply(net, moments, statistics, probe, outputBefore, new Dictionary<string, Tensor>(), settings, generator, 0);
    }

    /// <param name="captured">Layer outputs on the probe from before the recycle; the output-change forward reuses those that stay valid (<see cref="ProbeOutputReuse"/>).</param>
    static RecycleResult Apply(IRecyclableNetwork net, OptimizerMoments moments, ActivationStatistics statistics, Tensor probe, Tensor outputBefore,
        IReadOnlyDictionary<string, Tensor> captured, RecycleSettings settings, Generator generator, long gradientStep)
    {
        var report = DormancyReport.Assess(net.Spec, statistics, settings.Tau);
        var plan = settings.Scheduled is { } scheduled
            ? RecyclePlanner.FromNeurons(net.Spec, scheduled.Choose(net.Spec, RankingScores(net, probe, report, scheduled.Type, settings.Mapping), gradientStep), settings.Mapping)
            : RecyclePlanner.FromDormancy(net.Spec, report, settings.Mapping);
        if (plan.IsEmpty) return new RecycleResult(statistics, report, plan, RecycleOutcome.Of(plan, 0));

        var weight = net.Weight(plan.Layers[0].Layer);
        RequireGeneratorOn(generator, weight);
        using (var draws = TensorDraws.For(net.Spec, plan, settings.EffectiveOptions, generator, weight.device, weight.dtype))
        {
            if (settings.WeightScaling) IncomingWeightScaling.Apply(net, plan, draws);
            TensorRecycler.Apply(net, moments, plan, settings.EffectiveOptions, draws);
        }

        return new RecycleResult(statistics, report, plan, RecycleOutcome.Of(plan, OutputChange(net, probe, outputBefore, captured, plan, settings.EffectiveOptions.Outgoing)));
    }

    /// <summary>
    /// max |f_after − f_before| on the probe after <paramref name="plan"/> was applied, by a forward that
    /// starts from the captured outputs the plan left valid (<see cref="ProbeOutputReuse"/>).
    /// </summary>
    public static float OutputChange(IRecyclableNetwork net, Tensor probe, Tensor outputBefore, IReadOnlyDictionary<string, Tensor> captured, RecyclePlan plan, OutgoingInit outgoing)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var stillValid = ProbeOutputReuse.StillValid(net.Spec, plan, outgoing);
        var known = captured.Where(kv => stillValid.Contains(kv.Key)).ToDictionary();
        return (float)(net.ForwardReusing(probe, known) - outputBefore).abs().max().to(ScalarType.Float64).item<double>();   // exact for float32; any dtype
    }

    /// <summary>Per recyclable layer, what the scheduled variant ranks: Eq. 1 scores, or the CBP utilities measured on the probe.</summary>
    static IReadOnlyDictionary<string, IReadOnlyList<double>> RankingScores(IRecyclableNetwork net, Tensor probe, DormancyReport report, ScoreType type, FlattenMapping mapping)
    {
        if (type != ScoreType.Cbp)
            return net.Spec.RecyclableLayers.ToDictionary(l => l.Name, l => (IReadOnlyList<double>)report.For(l.Name).Scores);
        var centered = ActivationProbe.MeasureCentered(net, probe);
        var columns = net.Spec.Layers.ToDictionary(l => l.Name, l => (IReadOnlyList<double>)WeightAbsSums.PerInputColumn(net.Weight(l.Name)));
        return net.Spec.RecyclableLayers.ToDictionary(l => l.Name, l => CbpUtility.Compute(
            centered.For(l.Name).MeanAbs,
            WeightAbsSums.PerNeuron(net.Weight(l.Name)),
            CbpUtility.OutgoingPerNeuron(net.Spec, l.Name, columns, mapping)));
    }

    /// <summary>The Reset baseline on a live network: layers redrawn from their own initialiser, or Xavier-uniform with zero bias (<see cref="Redraw.Xavier"/>).</summary>
    public static void Reset(IRecyclableNetwork net, OptimizerMoments moments, LayerResetPlan plan, Generator generator, Redraw redraw = Redraw.Layer)
    {
        RequireMoments(moments);
        if (plan.Layers.Count == 0) return;
        var weight = net.Weight(plan.Layers[0]);
        RequireGeneratorOn(generator, weight);
        using var draws = TensorDraws.For(InitialDistribution.ForRedraw(net.Spec, redraw), plan, generator, weight.device, weight.dtype);
        TensorRecycler.Apply(net, moments, plan, draws);
    }

    /// <summary>A missing optimizer would silently keep the moments the paper zeroes: refuse it, naming the explicit way out.</summary>
    static void RequireMoments(OptimizerMoments moments)
    {
        if (moments is null)
            throw new ArgumentNullException(nameof(moments), "ReDo zeroes the optimizer's moments at the recycled entries: pass new OptimizerMoments(yourOptimizer), or OptimizerMoments.None if your training keeps no optimizer state");
    }

    /// <summary>Redraws happen where the weights live, from a generator there; a generator elsewhere cannot draw them.</summary>
    static void RequireGeneratorOn(Generator generator, Tensor weight)
    {
        if (generator.device.type != weight.device_type)
            throw new ArgumentException($"the generator is on {generator.device.type} but the weights are on {weight.device}: make it with new Generator(seed, weights' device)");
    }
}
