using ReDo.Pure.Collections;
using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>
/// The oracle: applies a plan to weights held as plain arrays, in the reference's phase order
/// (all biases, then all incoming redraws, then all outgoing slices — so where a neuron's incoming
/// row meets a recycled neuron's outgoing column the weight ends at 0). The shell's in-place
/// application is tested against this.
/// </summary>
public static class ReferenceRecycler
{
    public static NetworkState Apply(NetworkSpec spec, NetworkState state, RecyclePlan plan, RecycleOptions options, RecycleDraws draws)
    {
        var work = Mutable.From(state);
        foreach (var lr in plan.Layers)                                   // phase 1: biases
        {
            var layer = spec.Layer(lr.Layer);
            if (!layer.HasBias) continue;
            var bias = work.Bias[lr.Layer];
            foreach (var j in lr.Neurons)
                bias[j] = options.Bias == BiasInit.Zero ? 0f : Draw(draws.Biases, lr.Layer, layer.Neurons)[j];
        }
        foreach (var lr in plan.Layers)                                   // phase 2: incoming rows
        {
            var layer = spec.Layer(lr.Layer);
            var fresh = Draw(draws.Incoming, lr.Layer, layer.WeightCount);
            var weight = work.Weight[lr.Layer];
            foreach (var i in WeightSlices.IncomingEntries(layer, lr.Neurons)) weight[i] = fresh[i];
        }
        foreach (var lr in plan.Layers)                                   // phase 3: outgoing columns
            foreach (var slice in lr.Outgoing)
            {
                var consumer = spec.Layer(slice.Consumer);
                var weight = work.Weight[slice.Consumer];
                var fresh = options.Outgoing == OutgoingInit.Random ? Draw(draws.Outgoing, slice.Consumer, consumer.WeightCount) : null;
                foreach (var i in WeightSlices.ColumnEntries(consumer, slice.Columns)) weight[i] = fresh is null ? 0f : fresh[i];
            }
        foreach (var lr in plan.Layers)                                   // optimizer state
        {
            var layer = spec.Layer(lr.Layer);
            work.ZeroWeightMoments(lr.Layer, WeightSlices.IncomingEntries(layer, lr.Neurons), options.ResetOptimizerStep);
            if (options.ResetOptimizerStep) work.ZeroBiasMoments(lr.Layer, lr.Neurons);
            foreach (var slice in lr.Outgoing)
                work.ZeroWeightMoments(slice.Consumer, WeightSlices.ColumnEntries(spec.Layer(slice.Consumer), slice.Columns), options.ResetOptimizerStep);
        }
        return work.ToState(state);
    }

    /// <summary>
    /// Reset baseline: the named layers get their fresh kernels whole, fresh biases (zero where the
    /// initialiser of <paramref name="spec"/> starts them at 0) and zero kernel moments. Pass the
    /// spec the redraws follow (<see cref="InitialDistribution.ForRedraw"/>).
    /// </summary>
    public static NetworkState Reset(NetworkSpec spec, NetworkState state, LayerResetPlan plan, RecycleDraws draws)
    {
        var work = Mutable.From(state);
        foreach (var name in plan.Layers)
        {
            var layer = spec.Layer(name);
            var fresh = Draw(draws.Incoming, name, layer.WeightCount);
            fresh.AsSpan().CopyTo(work.Weight[name]);
            if (!layer.HasBias) { }
            else if (InitialDistribution.BiasBound(layer) > 0) Draw(draws.Biases, name, layer.Neurons).AsSpan().CopyTo(work.Bias[name]);
            else Array.Clear(work.Bias[name]);
            work.ZeroWeightMoments(name, Enumerable.Range(0, layer.WeightCount), resetStep: false);
        }
        return work.ToState(state);
    }

    static ValueList<float> Draw(IReadOnlyDictionary<string, ValueList<float>> draws, string layer, int expected)
    {
        if (!draws.TryGetValue(layer, out var values)) throw new ArgumentException($"no fresh values drawn for '{layer}'");
        if (values.Count != expected) throw new ArgumentException($"fresh values for '{layer}' have {values.Count} entries, expected {expected}");
        return values;
    }

    /// <summary>Private working copy; the inputs stay untouched.</summary>
    sealed class Mutable
    {
        public readonly Dictionary<string, float[]> Weight = [], Bias = [];
        readonly Dictionary<string, float[][]> _weightMoments = [], _biasMoments = [];
        readonly Dictionary<string, long> _weightStep = [], _biasStep = [];

        public static Mutable From(NetworkState state)
        {
            var m = new Mutable();
            foreach (var l in state.Layers)
            {
                m.Weight[l.Layer] = l.Weight.ToArray();
                m.Bias[l.Layer] = l.Bias.ToArray();
                m._weightMoments[l.Layer] = l.WeightMoments.Buffers.Select(b => b.ToArray()).ToArray();
                m._biasMoments[l.Layer] = l.BiasMoments.Buffers.Select(b => b.ToArray()).ToArray();
                m._weightStep[l.Layer] = l.WeightMoments.Step;
                m._biasStep[l.Layer] = l.BiasMoments.Step;
            }
            return m;
        }

        public void ZeroWeightMoments(string layer, IEnumerable<int> entries, bool resetStep)
        {
            foreach (var i in entries) foreach (var buffer in _weightMoments[layer]) buffer[i] = 0f;
            if (resetStep) _weightStep[layer] = 0;
        }

        public void ZeroBiasMoments(string layer, IEnumerable<int> neurons)
        {
            foreach (var j in neurons) foreach (var buffer in _biasMoments[layer]) buffer[j] = 0f;
            _biasStep[layer] = 0;
        }

        public NetworkState ToState(NetworkState original) => new(original.Layers.Select(l => new LayerState(
            l.Layer, Weight[l.Layer].ToValueList(), Bias[l.Layer].ToValueList(),
            new ParameterMoments(_weightMoments[l.Layer].Select(b => b.ToValueList()).ToValueList(), _weightStep[l.Layer]),
            new ParameterMoments(_biasMoments[l.Layer].Select(b => b.ToValueList()).ToValueList(), _biasStep[l.Layer]))).ToValueList());
    }
}
