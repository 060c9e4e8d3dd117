using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Properties.Laws.Recycling;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Laws.Library;

/// <summary>
/// The recycle laws through the library's front door, over generated non-Sequential modules (conv stems,
/// trunks, one or two heads, any of the six activations, layers with and without bias, Dropout, pooling)
/// trained with TorchSharp's Adam, AdamW, RMSprop (centered or with momentum), SGD with momentum, or the flat
/// optimizers: discovery finds the module's graph, outgoing weights of recycled neurons are zero, everything
/// else (weights, biases, moments, steps) is bit-identical, moments are zero at exactly the recycled kernel
/// entries, and a τ = 0 recycle leaves the function unchanged.
/// </summary>
public class GeneratedModuleRecycleLaws
{
    const int Cases = 30;

    static RecyclerSettings EveryStep(double tau = 0.0) => new(new RecycleSchedule(Period: 1), Tau: tau, Seed: 7);

    [Law(Runs = Cases)]
    public Property Discovery_finds_the_layers_producers_activations_biases_and_flattens_the_module_was_built_with() =>
        Prop.ForAll(ModuleCases.Any(), c =>
        {
            using var live = new LiveModule(c, steps: 0);
            using var probe = live.RandomInput(4);
            using var recycler = new NeuronRecycler(live.Module, live.Moments, EveryStep());
            var found = recycler.Network(probe).Spec;
            Assert.Equal(live.Module.Expected.Layers.Select(Describe), found.Layers.Select(Describe));
        });

    [Law(Runs = Cases)]
    public Property Outgoing_is_zero_moments_zero_at_recycled_entries_and_the_rest_untouched() =>
        Prop.ForAll(ModuleCases.Any(), c =>
        {
            using var live = new LiveModule(c);
            using var probe = live.RandomInput(16);
            using var recycler = new NeuronRecycler(live.Module, live.Moments, EveryStep());
            var net = recycler.Network(probe);
            LiveModule.Kill(net, RandomData.Selection(net.Spec, new System.Random(c.Seed)));
            var before = live.Read(net);
            var step = recycler.MaybeUpdateWeights(1, probe);
            var after = live.Read(net);
            Assert.True(step.Recycled);
            Assert.All(after.Layers, l => Assert.Equal(c.MomentBuffers, l.WeightMoments.Buffers.Count));   // the state read is the optimizer's whole state
            RecycleLaws.OutgoingWeightsAreZero(net.Spec, step.Plan!, after);
            RecycleLaws.UntouchedIsIdentical(net.Spec, step.Plan!, RecycleOptions.Reference, before, after);
            RecycleLaws.MomentsZeroAtRecycledEntries(net.Spec, step.Plan!, after);
        });

    [Law(Runs = Cases)]
    public Property Tau_zero_recycling_leaves_the_function_unchanged() =>
        Prop.ForAll(ModuleCases.Any(), c =>
        {
            using var live = new LiveModule(c);
            using var probe = live.RandomInput(16);
            using var other = live.RandomInput(16);
            using var recycler = new NeuronRecycler(live.Module, live.Moments, EveryStep());
            var net = recycler.Network(probe);
            var killed = RandomData.Selection(net.Spec, new System.Random(c.Seed));
            LiveModule.Kill(net, killed);
            using var otherBefore = net.Forward(other).detach();
            var step = recycler.MaybeUpdateWeights(1, probe);
            Assert.Equal(0.0, step.Outcome!.MaxOutputChange);
            Assert.True(killed.All(kv => kv.Value.All(j => step.Plan!.For(kv.Key)!.Neurons.Contains(j))), "a silent neuron was not recycled");
            if (step.Plan!.Layers.All(l => l.Neurons.All(j => killed[l.Layer].Contains(j))))
            {
                using var otherAfter = net.Forward(other).detach();
                Assert.Equal(0f, (otherBefore - otherAfter).abs().max().item<float>());
            }
        });

    [Law(Runs = Cases)]
    public Property A_step_the_schedule_skips_changes_nothing() =>
        Prop.ForAll(ModuleCases.Any(), Arb.From(Gen.Choose(1, 9)), (c, period) =>
        {
            using var live = new LiveModule(c, steps: 1);
            using var probe = live.RandomInput(8);
            using var recycler = new NeuronRecycler(live.Module, live.Moments, new RecyclerSettings(new RecycleSchedule(Period: period + 1), Tau: 1e9));
            var net = recycler.Network(probe);
            var before = live.Read(net);
            var step = recycler.MaybeUpdateWeights(period, probe);
            Assert.False(step.Recycled);
            Assert.Equal(before, live.Read(net));
        });

    static string Describe(LayerSpec l) =>
        $"{l.Name} {l.Kind} {l.InputUnits}→{l.Neurons} {l.Activation} {l.Role} from {l.Input} k{l.KernelH}x{l.KernelW} s{l.StrideH} bias={l.HasBias} flatten={l.Flatten}";
}
