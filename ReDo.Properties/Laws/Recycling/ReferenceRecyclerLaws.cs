using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>Laws 1, 2, 6, 9 (empty plan) and 10 on the core's reference application, over random networks and plans.</summary>
public class ReferenceRecyclerLaws
{
    static (RecyclePlan Plan, NetworkState Before, NetworkState After, RecycleOptions Options) RandomRecycle(NetworkCase c, bool zeroOutgoing)
    {
        var r = new System.Random(c.Seed);
        var before = RandomData.State(c.Spec, r);
        var options = RandomData.Options(r) with { Outgoing = zeroOutgoing ? OutgoingInit.Zero : OutgoingInit.Random };
        var mapping = FlattenMapping.ChannelsFirst;
        var plan = RecyclePlanner.FromNeurons(c.Spec, RandomData.Selection(c.Spec, r), mapping);
        var after = ReferenceRecycler.Apply(c.Spec, before, plan, options, RandomData.Draws(c.Spec, r));
        return (plan, before, after, options);
    }

    [Law(Runs = 200)]
    public Property Law1_outgoing_weights_of_recycled_neurons_are_zero() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            var (plan, _, after, _) = RandomRecycle(c, zeroOutgoing: true);
            RecycleLaws.OutgoingWeightsAreZero(c.Spec, plan, after);
        });

    [Law(Runs = 200)]
    public Property Law2_everything_outside_the_plan_is_bit_identical() =>
        Prop.ForAll(NetworkCases.Any(), Arb.From(Gen.Elements(true, false)), (c, zeroOutgoing) =>
        {
            var (plan, before, after, options) = RandomRecycle(c, zeroOutgoing);
            RecycleLaws.UntouchedIsIdentical(c.Spec, plan, options, before, after);
        });

    [Law(Runs = 200)]
    public Property Law6_moments_are_zero_exactly_at_recycled_entries() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            var (plan, before, after, options) = RandomRecycle(c, zeroOutgoing: true);
            RecycleLaws.MomentsZeroAtRecycledEntries(c.Spec, plan, after);
            RecycleLaws.UntouchedIsIdentical(c.Spec, plan, options, before, after);
        });

    [Law(Runs = 100)]
    public Property Law9_an_empty_plan_changes_nothing() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            var r = new System.Random(c.Seed);
            var before = RandomData.State(c.Spec, r);
            var after = ReferenceRecycler.Apply(c.Spec, before, RecyclePlan.Empty(), RandomData.Options(r), RandomData.Draws(c.Spec, r));
            Assert.Equal(before, after);
        });

    [Law(Runs = 100)]
    public Property Law10_a_layer_reset_redraws_exactly_the_named_layers_and_zeroes_their_moments() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            var r = new System.Random(c.Seed);
            var before = RandomData.State(c.Spec, r);
            var plan = LayerResetPlan.Named(c.Spec, c.Spec.Layers.Where(_ => r.Next(2) == 0).Select(l => l.Name));
            var draws = RandomData.Draws(c.Spec, r);
            var after = ReferenceRecycler.Reset(c.Spec, before, plan, draws);
            foreach (var layer in c.Spec.Layers)
            {
                var (b, a) = (before.For(layer.Name), after.For(layer.Name));
                if (plan.Layers.Contains(layer.Name))
                {
                    Assert.Equal(draws.Incoming[layer.Name], a.Weight);
                    // The bias is redrawn where the layer's initialiser draws one (TorchDefault), else zeroed (Xavier-uniform).
                    if (layer.Init == Initializer.TorchDefault) Assert.Equal(draws.Biases[layer.Name], a.Bias);
                    else Assert.All(a.Bias, x => Assert.Equal(0f, x));
                    Assert.All(a.WeightMoments.Buffers, buffer => Assert.All(buffer, x => Assert.Equal(0f, x)));
                    Assert.Equal(b.WeightMoments.Step, a.WeightMoments.Step);
                    Assert.Equal(b.BiasMoments, a.BiasMoments);
                }
                else Assert.Equal(b, a);
            }
        });
}
