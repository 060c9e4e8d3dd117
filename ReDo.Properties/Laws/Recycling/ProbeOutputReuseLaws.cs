using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>
/// Which probe outputs a recycle leaves valid for the output-change forward. The decisive law (the
/// reusing forward equals the full one, bit for bit) runs on live networks in
/// <c>LiveNetworkProbeOutputReuseLaws</c>; these pin the decision itself.
/// </summary>
public class ProbeOutputReuseLaws
{
    static Arbitrary<(NetworkCase Case, RecyclePlan Plan, OutgoingInit Outgoing)> Cases() =>
        (from c in NetworkCases.Any().Generator
         from outgoing in Gen.Elements(Enum.GetValues<OutgoingInit>())
         select (c, RecyclePlanner.FromNeurons(c.Spec, RandomData.Selection(c.Spec, new System.Random(c.Seed))), outgoing)).ToArbitrary();

    /// <summary>Layers on whose path from the input some layer satisfies <paramref name="hit"/> (itself included).</summary>
    static HashSet<string> Downstream(NetworkSpec spec, Func<LayerSpec, bool> hit)
    {
        var reached = new HashSet<string>();
        foreach (var l in spec.Layers)
            if (hit(l) || reached.Contains(l.Input)) reached.Add(l.Name);
        return reached;
    }

    [Law]
    public Property An_empty_plan_leaves_every_layer_valid() =>
        Prop.ForAll(NetworkCases.Any(), Arb.From(Gen.Elements(Enum.GetValues<OutgoingInit>())), (c, outgoing) =>
            Assert.Equal(c.Spec.Layers.Select(l => l.Name), ProbeOutputReuse.StillValid(c.Spec, RecyclePlanner.FromNeurons(c.Spec, new Dictionary<string, IReadOnlyCollection<int>>()), outgoing)));

    [Law]
    public Property Valid_layers_are_closed_towards_the_input_and_no_rewired_consumer_is_valid() =>
        Prop.ForAll(Cases(), x =>
        {
            var valid = ProbeOutputReuse.StillValid(x.Case.Spec, x.Plan, x.Outgoing).ToHashSet();
            foreach (var l in x.Case.Spec.Layers.Where(l => valid.Contains(l.Name)))
                Assert.True(l.Input == NetworkSpec.InputName || valid.Contains(l.Input), $"{l.Name} is valid but its input {l.Input} is not");
            foreach (var slice in x.Plan.Layers.SelectMany(l => l.Outgoing))
                Assert.DoesNotContain(slice.Consumer, valid);
        });

    /// <summary>Exactly the layers upstream of every change stay valid: what the random outgoing weights or a rewired kernel touch, and all after it, is recomputed; nothing else is.</summary>
    [Law]
    public Property Valid_is_exactly_what_no_change_reaches() =>
        Prop.ForAll(Cases(), x =>
        {
            var spec = x.Case.Spec;
            var rewired = x.Plan.Layers.SelectMany(l => l.Outgoing).Select(s => s.Consumer).ToHashSet();
            var recycled = x.Plan.Layers.Select(l => l.Layer).ToHashSet();
            var changed = Downstream(spec, l => rewired.Contains(l.Name) || (x.Outgoing != OutgoingInit.Zero && recycled.Contains(l.Name)));
            var expected = spec.Layers.Where(l => !changed.Contains(l.Name)).Select(l => l.Name);
            Assert.Equal(expected, ProbeOutputReuse.StillValid(spec, x.Plan, x.Outgoing));
        });

    [Fact]
    public void Nature_cnn_recycling_its_first_conv_reuses_that_conv_and_recomputes_the_rest()
    {
        var spec = NetworkCatalog.NatureCnn(6);
        var plan = RecyclePlanner.FromNeurons(spec, new Dictionary<string, IReadOnlyCollection<int>> { ["Conv_0"] = [3, 7] });
        Assert.Equal(["Conv_0"], ProbeOutputReuse.StillValid(spec, plan, OutgoingInit.Zero));
        Assert.Empty(ProbeOutputReuse.StillValid(spec, plan, OutgoingInit.Random));
    }
}
