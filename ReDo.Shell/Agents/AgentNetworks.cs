using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Shell.Networks;
using ReDo.Shell.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents;

/// <summary>Online and target networks of the agent's profile, and its optimizer, built from the config.</summary>
public static class AgentNetworks
{
    public static NetworkSpec Spec(AgentSettings agent, int channels, int actions) => agent.Network switch
    {
        "minatar" => NetworkCatalog.MinAtarDqn(channels, actions),
        "nature" => NetworkCatalog.NatureCnn(actions),
        _ => throw new ArgumentException($"unknown network profile '{agent.Network}'"),
    };

    /// <summary>
    /// MinAtar profile: PyTorch default init (as the MinAtar paper's code); Nature profile: Dopamine's
    /// Xavier-uniform kernels and zero biases. Both drawn from <paramref name="generator"/>.
    /// </summary>
    public static SpecNetwork Build(NetworkSpec spec, AgentSettings agent, Generator generator)
    {
        var net = new SpecNetwork(spec);
        if (agent.Network == "nature") NetworkInit.XavierUniformZeroBias(net, generator);
        else
        {
            using var _ = no_grad();
            foreach (var l in spec.Layers)
            {
                var bound = XavierUniform.DefaultBiasBound(l); // kaiming_uniform(a=√5) = U(±1/√fan_in), bias the same
                nn.init.uniform_(net.Weight(l.Name), -bound, bound, generator);
                nn.init.uniform_(net.Bias(l.Name), -bound, bound, generator);
            }
        }
        return net;
    }

    /// <summary>Our own flat-buffer optimizers (docs/torch-rules.md): TorchSharp's make implicit Scalars on every step.</summary>
    public static FlatOptimizer Optimizer(SpecNetwork online, AgentSettings a) => a.Optimizer switch
    {
        "adam" => new Adam(online.parameters(), lr: a.LearningRate, beta1: 0.9, beta2: 0.999, eps: a.AdamEpsilon, weightDecay: a.WeightDecay),
        "rmsprop" => new CenteredRmsProp(online.parameters(), lr: a.LearningRate, alpha: a.RmsAlpha, eps: a.RmsEpsilon, weightDecay: a.WeightDecay, centered: a.RmsCentered),
        _ => throw new ArgumentException($"unknown optimizer '{a.Optimizer}'"),
    };

    public static void CopyInto(SpecNetwork from, SpecNetwork to)
    {
        using var _ = no_grad();
        foreach (var l in from.Spec.Layers)
        {
            to.Weight(l.Name).copy_(from.Weight(l.Name));
            to.Bias(l.Name).copy_(from.Bias(l.Name));
        }
    }
}
