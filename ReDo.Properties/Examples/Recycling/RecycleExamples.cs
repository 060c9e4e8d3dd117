using ReDo.Pure.Collections;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Properties.Generators;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Examples.Recycling;

/// <summary>Concrete live examples: the paper's τ = 0 remark, the reference's flatten bug, activation capture on a user's Sequential.</summary>
public class RecycleExamples
{
    static IReadOnlyDictionary<string, IReadOnlyCollection<int>> DeadConvChannel => new Dictionary<string, IReadOnlyCollection<int>> { ["Conv_0"] = [3] };

    [Theory]
    [InlineData(FlattenMapping.ChannelsFirst, false)]
    [InlineData(FlattenMapping.DopamineCompat, true)]
    public void Recycling_a_conv_channel_before_the_flatten_changes_outputs_only_with_the_reference_mapping(FlattenMapping mapping, bool changes)
    {
        using var live = new LiveNetwork(new NetworkCase(NetworkCatalog.MinAtarDqn(4, 6), 7));
        live.Kill(DeadConvChannel);
        using var probe = live.RandomInput(64);
        var result = DormantNeuronRecycler.Recycle(live.Net, live.Moments, probe, new RecycleSettings(0.0, mapping), live.Generator);
        Assert.Contains(3, result.Plan.For("Conv_0")!.Neurons);
        Assert.Equal(changes, result.Outcome.MaxOutputChange > 0);
    }

    [Fact]
    public void A_users_sequential_is_scored_through_hooks_like_the_spec_network()
    {
        var spec = NetworkCatalog.MinAtarDqn(4, 6);
        using var sequential = SequentialBuilder.Build(spec);
        using var adapter = new SequentialNetwork(sequential, spec.Input.Shape);
        using var twin = new SpecNetwork(spec);
        using (no_grad())
            foreach (var l in spec.Layers)
            {
                twin.Weight(l.Name).copy_(adapter.Weight(l.Name));
                twin.Bias(l.Name).copy_(adapter.Bias(l.Name));
            }
        using var probe = rand(32, 4, 10, 10);
        Assert.Equal(ActivationProbe.Measure(twin, probe), ActivationProbe.Measure(adapter, probe));
    }

    [Fact]
    public void Unsupported_modules_in_a_sequential_are_named()
    {
        using var seq = nn.Sequential(("fc", nn.Linear(4, 8)), ("act", nn.Tanh()), ("out", nn.Linear(8, 2)));
        var e = Assert.Throws<ArgumentException>(() => new SequentialNetwork(seq, [4]));
        Assert.Contains("'act'", e.Message);
        Assert.Contains("Tanh", e.Message);
    }

    [Fact]
    public void Nature_cnn_forward_has_the_reference_geometry_and_dueling_combines_heads()
    {
        using var net = new SpecNetwork(NetworkCatalog.NatureCnn(6));
        using var x = randint(0, 255, [2, 4, 84, 84]).to(ScalarType.Float32);
        var acts = new Dictionary<string, Tensor>();
        using var q = net.ForwardCapturing(x, acts);
        Assert.Equal([2L, 6], q.shape);
        Assert.Equal([2L, 64, 11, 11], acts["Conv_2"].shape);
        Assert.Equal([2L, 32, 21, 21], acts["Conv_0"].shape);
        using var dueling = new SpecNetwork(NetworkCatalog.NatureCnnDueling(5));
        using var qd = dueling.Forward(x);
        Assert.Equal([2L, 5], qd.shape);
        Assert.Equal(ValueList.Of(5), ValueList.Of((int)qd.shape[1]));
    }
}
