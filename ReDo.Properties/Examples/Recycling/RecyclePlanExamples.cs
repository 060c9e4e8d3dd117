using ReDo.Pure.Collections;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Schedules;
using Xunit;

namespace ReDo.Properties.Examples.Recycling;

/// <summary>Worked examples of plan geometry (docs/specs/redo-algorithm.md §2.1, §5.1), catalog shapes and schedules.</summary>
public class RecyclePlanExamples
{
    static RecyclePlan Plan(NetworkSpec spec, string layer, int[] neurons, FlattenMapping mapping) =>
        RecyclePlanner.FromNeurons(spec, new Dictionary<string, IReadOnlyCollection<int>> { [layer] = neurons }, mapping);

    [Fact]
    public void Nature_cnn_geometry_matches_the_reference()
    {
        var spec = NetworkCatalog.NatureCnn(6);
        var shapes = NetworkGeometry.OutputShapes(spec);
        Assert.Equal(ValueList.Of(32, 21, 21), shapes["Conv_0"]);
        Assert.Equal(ValueList.Of(64, 11, 11), shapes["Conv_1"]);
        Assert.Equal(ValueList.Of(64, 11, 11), shapes["Conv_2"]);
        Assert.Equal(7744, spec.Layer("Dense_0").InputUnits);
        Assert.Equal(new Padding2d(1, 2, 1, 2), spec.Layer("Conv_1").Padding); // asymmetric SAME
        Assert.Equal(new Padding2d(2, 2, 2, 2), spec.Layer("Conv_0").Padding);
        Assert.Equal(672, spec.ScoredNeuronCount);
        Assert.Equal(4_043_424, spec.Layers.Where(l => l.Role == LayerRole.Hidden).Sum(l => l.WeightCount + l.Neurons));
        Assert.Equal(0.05103, XavierUniform.Bound(spec.Layer("Conv_0")), 5);
        Assert.Equal(0.0625, XavierUniform.Bound(spec.Layer("Conv_1")), 5);
        Assert.Equal(0.07217, XavierUniform.Bound(spec.Layer("Conv_2")), 5);
        Assert.Equal(0.02696, XavierUniform.Bound(spec.Layer("Dense_0")), 5);
    }

    [Fact]
    public void Channels_first_mapping_takes_the_channels_own_block_of_columns()
    {
        var plan = Plan(NetworkCatalog.NatureCnn(6), "Conv_2", [0, 5], FlattenMapping.ChannelsFirst);
        var slice = Assert.Single(plan.For("Conv_2")!.Outgoing);
        Assert.Equal("Dense_0", slice.Consumer);
        Assert.Equal(Enumerable.Range(0, 121).Concat(Enumerable.Range(605, 121)), slice.Columns);
    }

    [Fact]
    public void Dopamine_compat_mapping_reproduces_the_reference_misalignment_for_11x11x64()
    {
        // §5.1: channel 0 → {121·c : c = 0…63} ∪ {121·c + 1 : c = 0…56}; overlap with the true block is 2 of 121, for every channel.
        var spec = NetworkCatalog.NatureCnn(6);
        var columns = Plan(spec, "Conv_2", [0], FlattenMapping.DopamineCompat).For("Conv_2")!.Outgoing[0].Columns;
        var expected = Enumerable.Range(0, 64).Select(c => 121 * c).Concat(Enumerable.Range(0, 57).Select(c => 121 * c + 1)).Order();
        Assert.Equal(expected, columns);
        for (int channel = 0; channel < 64; channel++)
        {
            var compat = Plan(spec, "Conv_2", [channel], FlattenMapping.DopamineCompat).For("Conv_2")!.Outgoing[0].Columns;
            Assert.Equal(121, compat.Count);
            Assert.Equal(2, compat.Count(j => j / 121 == channel));
        }
    }

    [Fact]
    public void Dopamine_compat_mapping_for_7x7x64_overlaps_in_one_of_49()
    {
        var flatten = new FlattenSpec(64, 7, 7);
        var columns = FlattenColumns.For(flatten, [0], FlattenMapping.DopamineCompat).ToList();
        Assert.Equal(49, columns.Count);
        Assert.Equal(1, columns.Count(j => j / 49 == 0));
    }

    [Fact]
    public void Dueling_torso_neurons_are_zeroed_in_both_heads_and_heads_are_never_recycled()
    {
        var spec = NetworkCatalog.NatureCnnDueling(4);
        var plan = Plan(spec, "Dense_0", [3, 7], FlattenMapping.ChannelsFirst);
        Assert.Equal(["Advantage", "Value"], plan.For("Dense_0")!.Outgoing.Select(s => s.Consumer).Order());
        Assert.All(plan.For("Dense_0")!.Outgoing, s => Assert.Equal([3, 7], s.Columns));
        Assert.Equal(["Conv_0", "Conv_1", "Conv_2", "Dense_0"], spec.RecyclableLayers.Select(l => l.Name));
        Assert.Throws<ArgumentException>(() => Plan(spec, "Advantage", [0], FlattenMapping.ChannelsFirst));
    }

    [Fact]
    public void Conv_to_conv_outgoing_columns_are_input_channels()
    {
        var plan = Plan(NetworkCatalog.NatureCnn(6), "Conv_0", [2, 31], FlattenMapping.ChannelsFirst);
        var slice = Assert.Single(plan.For("Conv_0")!.Outgoing);
        Assert.Equal(("Conv_1", ValueList.Of(2, 31)), (slice.Consumer, slice.Columns));
    }

    [Fact]
    public void Invalid_specs_are_rejected_with_every_problem_named()
    {
        var bad = NetworkCatalog.MinAtarDqn(4, 6) with { Layers = ValueList.Of(
            LayerSpec.Conv("Conv_0", 3, 16, 3, 1, Padding2d.Valid, NetworkSpec.InputName),
            LayerSpec.Linear("Dense_0", 999, 128, Activation.Relu, LayerRole.Hidden, "Conv_0", new FlattenSpec(16, 8, 8)),
            LayerSpec.Linear("final_layer", 128, 6, Activation.Identity, LayerRole.Output, "Dense_0")) };
        var errors = NetworkGeometry.Validate(bad);
        Assert.Contains(errors, e => e.Contains("expects 3 channels but receives 4"));
        Assert.Contains(errors, e => e.Contains("expects 999 inputs but receives 1024"));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    [InlineData(2000, true)]
    [InlineData(2500, false)]
    [InlineData(5000, false)]
    public void Recycling_happens_every_F_steps_inside_the_window_but_never_at_step_0(long step, bool expected) =>
        Assert.Equal(expected, new RecycleSchedule(1000, 0, 5000).IsRecycleStep(step));

    [Fact]
    public void Logging_includes_step_0() => Assert.True(new LoggingSchedule(20_000).IsLoggingStep(0));
}
