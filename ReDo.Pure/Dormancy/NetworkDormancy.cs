using ReDo.Pure.Collections;

namespace ReDo.Pure.Dormancy;

/// <summary>
/// Several networks' dormancy as one report whose "layers" are the networks (SAC: actor, critic_1,
/// critic_2), as the reference's SAC logs dead_neurons_percentage per network and in total (App. B,
/// Fig. 18): a network's fraction is its dormant neurons over its neurons, all layers included; the
/// overall fraction counts every neuron of every network.
/// </summary>
public static class NetworkDormancy
{
    public static DormancyReport Combine(double tau, IEnumerable<(string Network, DormancyReport Report)> networks) =>
        new(tau, networks.Select(n =>
        {
            if (n.Report.Tau != tau) throw new ArgumentException($"network {n.Network} was scored at τ = {n.Report.Tau}, not {tau}");
            // Scores are normalised within each layer (Eq. 1); concatenating them keeps each neuron's verdict.
            return new LayerDormancy(n.Network, n.Report.Layers.SelectMany(l => l.Scores).ToValueList(), tau);
        }).ToValueList());
}
