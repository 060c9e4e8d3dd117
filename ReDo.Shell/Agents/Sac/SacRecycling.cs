using ReDo.Pure.Collections;
using ReDo.Pure.Config;
using ReDo.Pure.Recycling;
using ReDo.Recycling;
using TorchSharp;

namespace ReDo.Shell.Agents.Sac;

/// <summary>ReDo and the Reset baseline on SAC's actor and both critics, as the paper's SAC runs them (App. B).</summary>
public static class SacRecycling
{
    /// <summary>ReDo on each scored network from the training batch's activations (no probe batch of its own); layers named network/layer (actor/Dense_0 …).</summary>
    public static RecycleOutcome Recycle(SacLearned learned, RecycleSettings settings, torch.Generator generator)
    {
        var layers = new List<LayerCount>();
        double change = 0;
        foreach (var (name, net, statistics, input, moments) in learned.Scored)
        {
            var outcome = DormantNeuronRecycler.Recycle(net, moments, statistics, input, settings, generator).Outcome;
            layers.AddRange(outcome.Recycled.Select(l => l with { Layer = $"{name}/{l.Layer}" }));
            change = Math.Max(change, outcome.MaxOutputChange);
        }
        return new RecycleOutcome(layers.ToValueList(), change);
    }

    /// <summary>Reset (Nikishin et al. 2022): the Reset:Layers of actor and both critics re-drawn (all of them in the paper), their kernel moments zeroed, the targets copied.</summary>
    public static void Reset(SacLearner learner, ResetSettings reset, torch.Generator generator)
    {
        foreach (var (_, net, moments) in learner.Scored)
            DormantNeuronRecycler.Reset(net, moments, LayerResetPlan.Named(net.Spec, reset.Layers), generator, reset.Redraw);
        learner.HardCopyTargets();
    }
}
