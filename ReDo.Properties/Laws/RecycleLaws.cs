using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using Xunit;

namespace ReDo.Properties.Laws;

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

    /// <summary>Law 7: every redrawn incoming weight lies within the layer's Xavier-uniform bound.</summary>
    public static void IncomingWithinXavierBound(NetworkSpec spec, RecyclePlan plan, NetworkState after)
    {
        foreach (var lr in plan.Layers)
        {
            var layer = spec.Layer(lr.Layer);
            var bound = GlorotBound(layer);
            var w = after.For(lr.Layer).Weight;
            double largest = 0;
            foreach (var j in lr.Neurons)
                for (int e = 0; e < layer.FanIn; e++)
                {
                    // An incoming entry may also be another recycled neuron's outgoing weight (then 0, reference order).
                    var value = w[j * layer.FanIn + e];
                    Assert.True(Math.Abs(value) <= bound, $"{lr.Layer}[{j}] entry {e} = {value} outside ±{bound}");
                    largest = Math.Max(largest, Math.Abs(value));
                }
            // ...and fill it: with ≥ 64 uniform draws, all below half the bound has probability ≤ 2⁻⁶⁴.
            if (lr.Neurons.Count * layer.FanIn >= 64 && plan.For(layer.Input) is null)
                Assert.True(largest >= bound / 2, $"{lr.Layer}: redrawn weights reach only {largest}, bound {bound}");
        }
    }

    /// <summary>√(6 / (fan_in + fan_out)) with the receptive field in both fans, computed here from the layer's sizes.</summary>
    public static double GlorotBound(LayerSpec layer)
    {
        int receptive = layer.KernelH * layer.KernelW;
        return Math.Sqrt(6.0 / (layer.InputUnits * receptive + layer.Neurons * receptive));
    }

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
