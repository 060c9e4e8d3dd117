using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Recycling;
using ReDo.Recycling;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>
/// The output-change forward of a recycle may start from the probe outputs measured before it
/// (<see cref="ProbeOutputReuse"/>): on real networks, after a real recycle with any options, that
/// forward equals the full one bit for bit, and so does the change the recycler reports.
/// </summary>
public class LiveNetworkProbeOutputReuseLaws
{
    const int Cases = 40;

    [Law(Runs = Cases)]
    public Property Forward_from_still_valid_outputs_equals_the_full_forward_bit_for_bit() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c);
            var r = new System.Random(c.Seed);
            var options = RandomData.Options(r);
            var plan = RecyclePlanner.FromNeurons(c.Spec, RandomData.Selection(c.Spec, r));
            using var probe = live.RandomInput(8);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var captured = new Dictionary<string, Tensor>();
            live.Net.ForwardCapturing(probe, captured);
            using (var draws = TensorDraws.For(c.Spec, plan, options, live.Generator, CPU))
                TensorRecycler.Apply(live.Net, live.Moments, plan, options, draws);
            var valid = ProbeOutputReuse.StillValid(c.Spec, plan, options.Outgoing);
            var full = live.Net.Forward(probe);
            var reused = live.Net.ForwardReusing(probe, captured.Where(kv => valid.Contains(kv.Key)).ToDictionary());
            Assert.True(full.eq(reused).all().item<bool>(), $"valid: {string.Join(",", valid)}; max |Δ| = {(full - reused).abs().max().item<float>()}");
        });

    [Law(Runs = Cases)]
    public Property The_reported_output_change_is_the_full_forwards_change() =>
        Prop.ForAll(NetworkCases.Any(), c =>
        {
            using var live = new LiveNetwork(c);
            live.Kill(RandomData.Selection(c.Spec, new System.Random(c.Seed)));
            using var probe = live.RandomInput(8);
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var before = live.Net.Forward(probe);
            var result = DormantNeuronRecycler.Recycle(live.Net, live.Moments, probe, new RecycleSettings(Tau: 0.1), live.Generator);
            var expected = result.Plan.IsEmpty ? 0f : (live.Net.Forward(probe) - before).abs().max().item<float>();
            Assert.Equal(expected, (float)result.Outcome.MaxOutputChange);
        });
}
