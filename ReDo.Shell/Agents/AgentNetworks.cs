using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Recycling.Networks;
using ReDo.Recycling.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>Online and target networks of the agent's profile, and its optimizer, built from the config.</summary>
public static class AgentNetworks
{
    /// <summary>
    /// The profile's network with its initialiser: Agent:Init, or by default the profile's own —
    /// MinAtar: PyTorch default (as the MinAtar paper's code); MinAtar dueling and Nature: Dopamine's Xavier-uniform kernels, zero biases.
    /// </summary>
    public static NetworkSpec Spec(DqnSettings agent, int channels, int actions)
    {
        var spec = NetworkCatalog.For(agent.Network, channels, actions, agent.WidthMultiplier);
        return agent.Init.Override() is { } init ? spec.WithInitializer(init) : spec;
    }

    /// <summary>A network drawn from <paramref name="generator"/> as its spec's initialisers say.</summary>
    public static SpecNetwork Build(NetworkSpec spec, Generator generator)
    {
        var net = new SpecNetwork(spec);
        NetworkInit.Initialize(net, generator);
        return net;
    }

    /// <summary>Our own flat-buffer optimizers (docs/torch-rules.md): TorchSharp's make implicit Scalars on every step.</summary>
    public static FlatOptimizer Optimizer(SpecNetwork online, DqnSettings a) => a.Optimizer switch
    {
        OptimizerKind.Adam => new Adam(online.parameters(), lr: a.LearningRate, beta1: 0.9, beta2: 0.999, eps: a.AdamEpsilon, weightDecay: a.WeightDecay),
        OptimizerKind.RmsProp => new CenteredRmsProp(online.parameters(), lr: a.LearningRate, alpha: a.RmsAlpha, eps: a.RmsEpsilon, weightDecay: a.WeightDecay, centered: a.RmsCentered),
        _ => throw new ArgumentException($"unknown optimizer '{a.Optimizer}'"),
    };

    public static void CopyInto(SpecNetwork from, SpecNetwork to)
    {
        using var _ = no_grad();
        foreach (var l in from.Spec.Layers)
        {
            to.Weight(l.Name).copy_(from.Weight(l.Name));
            to.Bias(l.Name)?.copy_(from.Bias(l.Name)!);
        }
    }
}
