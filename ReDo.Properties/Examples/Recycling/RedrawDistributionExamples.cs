using ReDo.Properties.Laws.Recycling;
using ReDo.Pure.Config;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Shell.Agents;
using ReDo.Shell.Config;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Recycling;

/// <summary>
/// The MinAtar agent's network is recycled and reset from its own initial distribution (paper,
/// Algorithm 1), with bounds computed here: Dense_0 1/√1024 = 0.03125 (not Xavier's 0.0722),
/// final_layer 1/√128 = 0.0884 (not 0.2116); Redraw = Xavier keeps the reference's literal draw.
/// </summary>
public class RedrawDistributionExamples
{
    const int Channels = 4, Actions = 6;

    static (SpecNetwork Net, Generator Generator) MinAtarAgentNet(DqnSettings agent, ulong seed = 7)
    {
        var generator = new Generator(seed, CPU);
        return (AgentNetworks.Build(AgentNetworks.Spec(agent, Channels, Actions), generator), generator);
    }

    static NetworkState Read(SpecNetwork net) => NetworkStateReader.Read(net, null);

    [Fact]
    public void The_minatar_net_starts_torch_default_and_the_dopamine_profile_starts_xavier_with_zero_biases()
    {
        var (net, g) = MinAtarAgentNet(new DqnSettings());
        using (net) using (g)
            foreach (var l in net.Spec.Layers)
            {
                Assert.Equal(Initializer.TorchDefault, l.Init);
                RecycleLaws.WithinAndFilling($"{l.Name}.weight", Read(net).For(l.Name).Weight, 1 / Math.Sqrt(l.FanIn));
                RecycleLaws.WithinAndFilling($"{l.Name}.bias", Read(net).For(l.Name).Bias, 1 / Math.Sqrt(l.FanIn));
            }
        var dopamine = ConfigLoader.Load(Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-dqn-dopamine-redo.json"), [], TestDisk.Files);
        var (xnet, xg) = MinAtarAgentNet(dopamine.Dqn);
        using (xnet) using (xg)
            foreach (var l in xnet.Spec.Layers)
            {
                Assert.Equal(Initializer.XavierUniform, l.Init);
                var fans = l.FanIn + l.Neurons * l.KernelH * l.KernelW;
                RecycleLaws.WithinAndFilling($"{l.Name}.weight", Read(xnet).For(l.Name).Weight, Math.Sqrt(6.0 / fans));
                Assert.All(Read(xnet).For(l.Name).Bias, b => Assert.Equal(0f, b));
            }
    }

    [Theory]
    [InlineData(Redraw.Layer, 0.03125)]                                  // 1/√(16·8·8)
    [InlineData(Redraw.Xavier, 0.07216878364870323)]                     // √(6/(1024+128))
    public void Recycled_dense_0_rows_come_from_the_layers_own_distribution(Redraw redraw, double bound)
    {
        var (net, g) = MinAtarAgentNet(new DqnSettings());
        using var _ = net;
        using var __ = g;
        var spec = net.Spec;
        var plan = RecyclePlanner.FromNeurons(spec, new Dictionary<string, IReadOnlyCollection<int>> { ["Dense_0"] = Enumerable.Range(0, 128).Where(j => j % 2 == 0).ToList() }, FlattenMapping.ChannelsFirst);
        var options = RecycleOptions.Reference with { Redraw = redraw };
        using (var draws = TensorDraws.For(spec, plan, options, g, CPU))
            TensorRecycler.Apply(net, OptimizerMoments.None, plan, options, draws);
        var dense = Read(net).For("Dense_0");
        var rows = Enumerable.Range(0, 128).Where(j => j % 2 == 0).SelectMany(j => dense.Weight.Skip(j * 1024).Take(1024)).ToList();
        RecycleLaws.WithinAndFilling("Dense_0 recycled rows", rows, bound);
        Assert.All(Enumerable.Range(0, 128).Where(j => j % 2 == 0), j => Assert.Equal(0f, dense.Bias[j]));   // ReDo's bias: 0, as the reference
    }

    [Theory]
    [InlineData(Redraw.Layer, 0.03125, 0.08838834764831845, true)]      // 1/√1024, 1/√128, biases drawn
    [InlineData(Redraw.Xavier, 0.07216878364870323, 0.21160368475757949, false)] // √(6/1152), √(6/134), biases 0
    public void A_reset_of_the_last_two_layers_redraws_kernel_and_bias_from_their_initialiser(Redraw redraw, double denseBound, double finalBound, bool biasesDrawn)
    {
        var (net, g) = MinAtarAgentNet(new DqnSettings());
        using var _ = net;
        using var __ = g;
        var plan = LayerResetPlan.Named(net.Spec, new ResetSettings().Layers);
        Assert.Equal(["Dense_0", "final_layer"], plan.Layers);
        var convBefore = Read(net).For("Conv_0");
        DormantNeuronRecycler.Reset(net, OptimizerMoments.None, plan, g, redraw);
        var after = Read(net);
        Assert.Equal(convBefore, after.For("Conv_0"));
        foreach (var (layer, bound) in new[] { ("Dense_0", denseBound), ("final_layer", finalBound) })
        {
            RecycleLaws.WithinAndFilling($"{layer}.weight", after.For(layer).Weight, bound);
            if (biasesDrawn) RecycleLaws.WithinAndFilling($"{layer}.bias", after.For(layer).Bias, bound, mustFill: false);
            else Assert.All(after.For(layer).Bias, b => Assert.Equal(0f, b));
        }
        if (biasesDrawn) Assert.Contains(after.For("Dense_0").Bias, b => b != 0f);
    }
}
