using ReDo.Pure.Dormancy;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Shell.Networks;
using static TorchSharp.torch;

namespace ReDo.Shell.Recycling;

/// <summary>The settings of one ReDo recycle: threshold τ, flatten mapping and how the plan is carried out.</summary>
public sealed record RecycleSettings(double Tau, FlattenMapping Mapping = FlattenMapping.ChannelsFirst, RecycleOptions? Options = null)
{
    public RecycleOptions EffectiveOptions => Options ?? RecycleOptions.Reference;
}

/// <summary>What one score-and-recycle decided and did.</summary>
public sealed record RecycleResult(ActivationStatistics Statistics, DormancyReport Dormancy, RecyclePlan Plan, RecycleOutcome Outcome);

/// <summary>
/// ReDo on a live network: score the probe batch (shell measures, core decides), plan, draw,
/// apply in place, and measure how much the network's outputs on the probe moved.
/// </summary>
public static class DormantNeuronRecycler
{
    public static RecycleResult Recycle(IRecyclableNetwork net, OptimizerMoments? moments, Tensor probe, RecycleSettings settings, Generator generator)
    {
        var (statistics, before) = ActivationProbe.MeasureWithOutput(net, probe, keepOutput: true);
        using var outputBefore = before!;
        return Apply(net, moments, statistics, probe, outputBefore, settings, generator);
    }

    /// <summary>
    /// ReDo from scores measured earlier (SAC: the training batch's loss forward before the update,
    /// App. B); <paramref name="probe"/> only measures how much the outputs move.
    /// </summary>
    public static RecycleResult Recycle(IRecyclableNetwork net, OptimizerMoments? moments, ActivationStatistics statistics, Tensor probe, RecycleSettings settings, Generator generator)
    {
        Tensor outputBefore;
        using (var scope = NewDisposeScope())
        using (var _ = no_grad())
            outputBefore = net.Forward(probe).detach().MoveToOuterDisposeScope();
        using (outputBefore) return Apply(net, moments, statistics, probe, outputBefore, settings, generator);
    }

    static RecycleResult Apply(IRecyclableNetwork net, OptimizerMoments? moments, ActivationStatistics statistics, Tensor probe, Tensor outputBefore, RecycleSettings settings, Generator generator)
    {
        var report = DormancyReport.Assess(net.Spec, statistics, settings.Tau);
        var plan = RecyclePlanner.FromDormancy(net.Spec, report, settings.Mapping);
        if (plan.IsEmpty) return new RecycleResult(statistics, report, plan, RecycleOutcome.Of(plan, 0));

        var device = net.Weight(plan.Layers[0].Layer).device;
        using (var draws = TensorDraws.For(net.Spec, plan, settings.EffectiveOptions, generator, device))
            TensorRecycler.Apply(net, moments, plan, settings.EffectiveOptions, draws);

        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var change = (net.Forward(probe) - outputBefore).abs().max().item<float>();
        return new RecycleResult(statistics, report, plan, RecycleOutcome.Of(plan, change));
    }

    /// <summary>The Reset baseline on a live network: layers redrawn from their own initialiser, or Xavier-uniform with zero bias (<see cref="Redraw.Xavier"/>).</summary>
    public static void Reset(IRecyclableNetwork net, OptimizerMoments? moments, LayerResetPlan plan, Generator generator, Redraw redraw = Redraw.Layer)
    {
        if (plan.Layers.Count == 0) return;
        using var draws = TensorDraws.For(InitialDistribution.ForRedraw(net.Spec, redraw), plan, generator, net.Weight(plan.Layers[0]).device);
        TensorRecycler.Apply(net, moments, plan, draws);
    }
}
