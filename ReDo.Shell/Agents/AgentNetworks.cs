using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Shell.Networks;
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

    public static optim.Optimizer Optimizer(SpecNetwork online, AgentSettings a) => a.Optimizer switch
    {
        // Betas are explicit: torch.optim.Adam's factory defaults beta2 to 0.99, not 0.999.
        "adam" => optim.Adam(online.parameters(), lr: a.LearningRate, beta1: 0.9, beta2: 0.999, eps: a.AdamEpsilon, weight_decay: a.WeightDecay),
        "rmsprop" => optim.RMSProp(online.parameters(), lr: a.LearningRate, alpha: a.RmsAlpha, eps: a.RmsEpsilon, weight_decay: a.WeightDecay, momentum: 0, centered: a.RmsCentered),
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
