using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>
/// The paper's laws of a recycle, checked on plain network states (Pure's reference output, or a
/// live network read back). Positions are computed here from the layouts, independently of the
/// code under test: weight[o, i, k] of a layer sits at (o·in + i)·kh·kw + k.
/// </summary>
public static class RecycleLaws
{
    /// <summary>Law 1: every recycled neuron's outgoing weights are exactly 0 in every consumer.</summary>
    public static void OutgoingWeightsAreZero(NetworkSpec spec, RecyclePlan plan, NetworkState after)
    {
        foreach (var lr in plan.Layers)
            foreach (var consumer in spec.ConsumersOf(lr.Layer))
            {
                var w = after.For(consumer.Name).Weight;
                foreach (var j in lr.Neurons)
                    foreach (var column in OwnColumns(consumer, j))
                        for (int o = 0; o < consumer.Neurons; o++)
                            for (int k = 0; k < consumer.KernelArea; k++)
                            {
                                var value = w[(o * consumer.InputUnits + column) * consumer.KernelArea + k];
                                Assert.True(value == 0f, $"{lr.Layer} neuron {j}: outgoing weight {consumer.Name}[{o},{column},{k}] = {value}, expected 0");
                            }
            }
    }

    /// <summary>Law 2: weights, biases and moments outside the plan's slices are bit-identical; step counts too (unless reset is asked).</summary>
    public static void UntouchedIsIdentical(NetworkSpec spec, RecyclePlan plan, RecycleOptions options, NetworkState before, NetworkState after)
    {
        foreach (var layer in spec.Layers)
        {
            var (touchedWeight, touchedBias) = Touched(spec, plan, layer);
            var b = before.For(layer.Name);
            var a = after.For(layer.Name);
            AssertSame(layer.Name + ".weight", b.Weight, a.Weight, touchedWeight);
            AssertSame(layer.Name + ".bias", b.Bias, a.Bias, touchedBias);
            for (int m = 0; m < b.WeightMoments.Buffers.Count; m++)
                AssertSame($"{layer.Name}.weight moment {m}", b.WeightMoments.Buffers[m], a.WeightMoments.Buffers[m], touchedWeight);
            bool biasMomentsMayChange = options.ResetOptimizerStep;
            for (int m = 0; m < b.BiasMoments.Buffers.Count; m++)
                AssertSame($"{layer.Name}.bias moment {m}", b.BiasMoments.Buffers[m], a.BiasMoments.Buffers[m], biasMomentsMayChange ? touchedBias : []);
            if (!options.ResetOptimizerStep)
            {
                Assert.Equal(b.WeightMoments.Step, a.WeightMoments.Step);
                Assert.Equal(b.BiasMoments.Step, a.BiasMoments.Step);
            }
        }
    }

    /// <summary>Law 6: moments are zero exactly at the recycled kernel entries (incoming rows and outgoing columns).</summary>
    public static void MomentsZeroAtRecycledEntries(NetworkSpec spec, RecyclePlan plan, NetworkState after)
    {
        foreach (var layer in spec.Layers)
        {
            var (touched, _) = Touched(spec, plan, layer);
            foreach (var buffer in after.For(layer.Name).WeightMoments.Buffers)
                foreach (var i in touched)
                    Assert.True(buffer[i] == 0f, $"{layer.Name}.weight moment at {i} = {buffer[i]}, expected 0");
        }
    }

    /// <summary>
    /// Law 7: every redrawn incoming weight lies within the bound of the distribution it must come
    /// from (<see cref="KernelBound"/>), and the draws fill that bound.
    /// </summary>
    public static void IncomingWithinInitialBound(NetworkSpec spec, RecyclePlan plan, NetworkState after, Redraw redraw = Redraw.Layer)
    {
        foreach (var lr in plan.Layers)
        {
            var layer = spec.Layer(lr.Layer);
            var w = after.For(lr.Layer).Weight;
            // An incoming entry may also be another recycled neuron's outgoing weight (then 0, reference order).
            var fresh = lr.Neurons.SelectMany(j => Enumerable.Range(j * layer.FanIn, layer.FanIn)).Select(i => w[i]).ToList();
            WithinAndFilling($"{lr.Layer} incoming", fresh, KernelBound(layer, redraw), mustFill: plan.For(layer.Input) is null);
        }
    }

    /// <summary>
    /// Values drawn from U(±bound) (float32) lie within it, and — when none can have been zeroed
    /// afterwards — reach it: with n draws, max |x| &lt; bound·2^(−40/n) has probability ≤ 2⁻⁴⁰.
    /// </summary>
    public static void WithinAndFilling(string what, IReadOnlyList<float> values, double bound, bool mustFill = true)
    {
        var slack = bound * Math.Pow(2, -23);   // the float32 rounding of ±bound itself
        double largest = 0;
        for (int i = 0; i < values.Count; i++)
        {
            Assert.True(Math.Abs(values[i]) <= bound + slack, $"{what}[{i}] = {values[i]} outside ±{bound}");
            largest = Math.Max(largest, Math.Abs(values[i]));
        }
        if (mustFill && values.Count >= 40)
            Assert.True(largest >= bound * Math.Pow(2, -40.0 / values.Count), $"{what}: {values.Count} draws reach only {largest}, bound {bound}");
    }

    /// <summary>The kernel bound a redraw must respect, computed here from the layer's sizes and its recorded initialiser.</summary>
    public static double KernelBound(LayerSpec layer, Redraw redraw = Redraw.Layer) =>
        redraw == Redraw.Xavier || layer.Init == Initializer.XavierUniform ? GlorotBound(layer) : TorchDefaultBound(layer);

    /// <summary>The bias bound a reset must respect: 1/√fan_in for TorchDefault, 0 (exactly zero) for Xavier-uniform.</summary>
    public static double BiasBound(LayerSpec layer, Redraw redraw = Redraw.Layer) =>
        redraw == Redraw.Xavier || layer.Init == Initializer.XavierUniform ? 0.0 : TorchDefaultBound(layer);

    /// <summary>√(6 / (fan_in + fan_out)) with the receptive field in both fans.</summary>
    public static double GlorotBound(LayerSpec layer)
    {
        int receptive = layer.KernelH * layer.KernelW;
        return Math.Sqrt(6.0 / (layer.InputUnits * receptive + layer.Neurons * receptive));
    }

    /// <summary>PyTorch's Linear/Conv2d default, kaiming_uniform(a = √5): gain √(2/6) · √(3/fan_in) = 1/√(in·kh·kw).</summary>
    public static double TorchDefaultBound(LayerSpec layer) =>
        Math.Sqrt(2.0 / (1 + 5)) * Math.Sqrt(3.0 / (layer.InputUnits * layer.KernelH * layer.KernelW));

    /// <summary>Input columns of <paramref name="consumer"/> that carry neuron j of its producer (correct NCHW mapping).</summary>
    public static IEnumerable<int> OwnColumns(LayerSpec consumer, int j) =>
        consumer.Flatten is { } f ? Enumerable.Range(j * f.SpatialSize, f.SpatialSize) : [j];

    static (HashSet<int> Weight, HashSet<int> Bias) Touched(NetworkSpec spec, RecyclePlan plan, LayerSpec layer)
    {
        var weight = new HashSet<int>();
        var bias = new HashSet<int>();
        if (plan.For(layer.Name) is { } own)
            foreach (var j in own.Neurons)
            {
                bias.Add(j);
                for (int e = 0; e < layer.FanIn; e++) weight.Add(j * layer.FanIn + e);
            }
        foreach (var slice in plan.Layers.SelectMany(l => l.Outgoing).Where(s => s.Consumer == layer.Name))
            foreach (var column in slice.Columns)
                for (int o = 0; o < layer.Neurons; o++)
                    for (int k = 0; k < layer.KernelArea; k++)
                        weight.Add((o * layer.InputUnits + column) * layer.KernelArea + k);
        return (weight, bias);
    }

    static void AssertSame(string what, IReadOnlyList<float> before, IReadOnlyList<float> after, ISet<int> allowedToChange)
    {
        Assert.Equal(before.Count, after.Count);
        for (int i = 0; i < before.Count; i++)
            if (!allowedToChange.Contains(i) && BitConverter.SingleToInt32Bits(before[i]) != BitConverter.SingleToInt32Bits(after[i]))
                Assert.Fail($"{what}[{i}] changed from {before[i]} to {after[i]} although no slice of the plan covers it");
    }
}
