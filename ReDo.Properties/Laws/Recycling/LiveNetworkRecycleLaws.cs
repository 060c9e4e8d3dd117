using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>The ten laws on real TorchSharp networks with real Adam state (random shapes, weights and dead neurons).</summary>
public class LiveNetworkRecycleLaws
{
    const int Cases = 40;

    [Law(Runs = Cases)]
    public Property Law1_2_6_after_recycling_outgoing_is_zero_moments_zeroed_and_the_rest_untouched() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c);
            var r = new System.Random(c.Seed);
            live.Kill(RandomData.Selection(c.Spec, r));
            var before = live.Read();
            using var probe = live.RandomInput(16);
            var result = DormantNeuronRecycler.Recycle(live.Net, live.Moments, probe, new RecycleSettings(Tau: 0.0), live.Generator);
            var after = live.Read();
            RecycleLaws.OutgoingWeightsAreZero(c.Spec, result.Plan, after);
            RecycleLaws.UntouchedIsIdentical(c.Spec, result.Plan, RecycleOptions.Reference, before, after);
            RecycleLaws.MomentsZeroAtRecycledEntries(c.Spec, result.Plan, after);
        });

    [Law(Runs = Cases)]
    public Property Law5_tau_zero_recycling_leaves_the_network_function_unchanged() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c);
            var killed = RandomData.Selection(c.Spec, new System.Random(c.Seed));
            live.Kill(killed);
            using var probe = live.RandomInput(16);
            using var other = live.RandomInput(16);
            using var otherBefore = Output(live, other);
            var result = DormantNeuronRecycler.Recycle(live.Net, live.Moments, probe, new RecycleSettings(Tau: 0.0), live.Generator);
            Assert.Equal(0.0, result.Outcome.MaxOutputChange);                      // on the probe batch, always
            bool onlyKilled = result.Plan.Layers.All(l => l.Neurons.All(j => killed[l.Layer].Contains(j)));
            if (onlyKilled)                                                           // dead everywhere → unchanged everywhere
            {
                using var otherAfter = Output(live, other);
                Assert.Equal(0f, (otherBefore - otherAfter).abs().max().item<float>());
            }
            Assert.True(killed.All(kv => kv.Value.All(j => result.Plan.For(kv.Key)!.Neurons.Contains(j))), "a dead neuron was not recycled");
        });

    [Law(Runs = Cases)]
    public Property Law7_redrawn_incoming_weights_lie_within_and_fill_their_initial_bound() =>
        Prop.ForAll(NetworkCases.Any(), Arb.From(Gen.Elements(Enum.GetValues<Redraw>())), (c, redraw) =>
        {
            using var live = new LiveNetwork(c);
            live.Kill(RandomData.Selection(c.Spec, new System.Random(c.Seed)));
            using var probe = live.RandomInput(8);
            var settings = new RecycleSettings(Tau: 0.0, Options: RecycleOptions.Reference with { Redraw = redraw });
            var result = DormantNeuronRecycler.Recycle(live.Net, live.Moments, probe, settings, live.Generator);
            RecycleLaws.IncomingWithinInitialBound(c.Spec, result.Plan, live.Read(), redraw);
        });

    [Law(Runs = Cases)]
    public Property Law8_in_place_application_equals_the_reference_application() =>
        Prop.ForAll(NetworkCases.Any(), Arb.From(Gen.Elements(FlattenMapping.ChannelsFirst, FlattenMapping.DopamineCompat)), (c, mapping) =>
        {
            using var live = new LiveNetwork(c);
            var r = new System.Random(c.Seed);
            var options = RandomData.Options(r);
            var plan = RecyclePlanner.FromNeurons(c.Spec, RandomData.Selection(c.Spec, r), mapping);
            var before = live.Read();
            using var draws = TensorDraws.For(c.Spec, plan, options, live.Generator, CPU);
            var expected = ReferenceRecycler.Apply(c.Spec, before, plan, options, LiveNetwork.ToPure(draws));
            TensorRecycler.Apply(live.Net, live.Moments, plan, options, draws);
            Assert.Equal(expected, live.Read());
        });

    [Law(Runs = Cases)]
    public Property Law9_an_empty_plan_changes_nothing_in_a_live_network() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c);
            var before = live.Read();
            var plan = RecyclePlan.Empty();
            using var draws = TensorDraws.For(c.Spec, plan, RecycleOptions.Reference, live.Generator, CPU);
            TensorRecycler.Apply(live.Net, live.Moments, plan, RecycleOptions.Reference, draws);
            Assert.Equal(before, live.Read());
        });

    [Law(Runs = Cases)]
    public Property Law9_spec_inference_from_a_sequential_round_trips() =>
        Prop.ForAll(NetworkCases.SequentialExpressible(), c =>
        {
            using var sequential = SequentialBuilder.Build(c.Spec);
            using var inferred = new SequentialNetwork(sequential, c.Spec.Input.Shape, c.Spec.Name, c.Spec.Layers[0].Init);
            Assert.Equal(c.Spec, inferred.Spec);
        });

    [Law(Runs = Cases)]
    public Property Law10_a_live_layer_reset_matches_the_reference_and_redraws_named_layers_from_their_initialiser() =>
        Prop.ForAll(NetworkCases.Any(), Arb.From(Gen.Elements(Enum.GetValues<Redraw>())), (c, redraw) =>
        {
            using var live = new LiveNetwork(c);
            var r = new System.Random(c.Seed);
            var plan = LayerResetPlan.Named(c.Spec, c.Spec.Layers.Where(_ => r.Next(2) == 0).Select(l => l.Name));
            var before = live.Read();
            var redrawn = InitialDistribution.ForRedraw(c.Spec, redraw);
            using var draws = TensorDraws.For(redrawn, plan, live.Generator, CPU);
            var expected = ReferenceRecycler.Reset(redrawn, before, plan, LiveNetwork.ToPure(draws));
            TensorRecycler.Apply(live.Net, live.Moments, plan, draws);
            var after = live.Read();
            Assert.Equal(expected, after);
            foreach (var layer in c.Spec.Layers.Where(l => plan.Layers.Contains(l.Name)))
            {
                RecycleLaws.WithinAndFilling($"{layer.Name}.weight", after.For(layer.Name).Weight, RecycleLaws.KernelBound(layer, redraw));
                var biasBound = RecycleLaws.BiasBound(layer, redraw);
                if (biasBound == 0) Assert.All(after.For(layer.Name).Bias, b => Assert.Equal(0f, b));
                else RecycleLaws.WithinAndFilling($"{layer.Name}.bias", after.For(layer.Name).Bias, biasBound);
            }
        });

    static Tensor Output(LiveNetwork live, Tensor input)
    {
        using var _ = no_grad();
        return live.Net.Forward(input).detach().clone();
    }
}
