using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using Xunit;

namespace ReDo.Properties.Laws.Recycling;

/// <summary>
/// Laws of the recycle variants on whole networks (paper Fig. 12, 15, 25; docs/specs/redo-algorithm.md §2.3): the scheduled
/// selection per layer, the CBP utility's outgoing sums, and the MinAtar width multiplier.
/// </summary>
public class ScheduledSelectionLaws
{
    /// <summary>Scores per recyclable layer in steps of 0.25 (ties common, zeros included), from the case's seed.</summary>
    static Dictionary<string, IReadOnlyList<double>> Scores(NetworkSpec spec, int seed)
    {
        var r = new System.Random(seed);
        return spec.RecyclableLayers.ToDictionary(l => l.Name, l => (IReadOnlyList<double>)Enumerable.Range(0, l.Neurons).Select(_ => r.Next(0, 13) / 4.0).ToList());
    }

    static readonly Gen<(double Rate, long End, long Step)> Schedules =
        from rate in Gen.OneOf(Gen.Choose(0, 1000).Select(x => x / 1000.0), Gen.Choose(0, 8).Select(x => x / 8.0))
        from end in Gen.Choose(1, 1_000_000)
        from step in Gen.OneOf(Gen.Choose(0, end), Gen.Choose(end, end + 1000), Gen.Constant(0))
        select (rate, (long)end, (long)step);

    /// <summary>In every layer: k = max(1, round(n·f)) neurons (none when f = 0, e.g. from the end step on) plus every tie with the k-th lowest score.</summary>
    [Law(Runs = 500)]
    public Property Scheduled_selection_recycles_k_plus_ties_per_layer() =>
        Prop.ForAll(NetworkCases.Any(), Schedules.ToArbitrary(), (c, s) =>
        {
            var scores = Scores(c.Spec, c.Seed);
            var schedule = new ScheduledFraction(s.Rate, s.End);
            var chosen = new ScheduledSelection(ScoreType.Redo, schedule, (ulong)c.Seed).Choose(c.Spec, scores, s.Step);
            double f = schedule.At(s.Step);
            foreach (var layer in c.Spec.RecyclableLayers)
            {
                var x = scores[layer.Name];
                var picked = chosen[layer.Name];
                int k = f <= 0 ? 0 : Math.Min(x.Count, Math.Max(1, (int)Math.Round(x.Count * f, MidpointRounding.ToEven)));
                if (k == 0) { Assert.Empty(picked); continue; }
                var kth = x.Order().ElementAt(k - 1);
                Assert.Equal(x.Count(v => v <= kth), picked.Count);               // k plus the ties of the k-th
                Assert.All(picked, i => Assert.True(x[i] <= kth));
                Assert.True(picked.Count >= k);
            }
            Assert.All(chosen.Keys, name => Assert.Equal(LayerRole.Hidden, c.Spec.Layer(name).Role));   // heads never
        });

    /// <summary>Inverted picks the most active: every chosen neuron scores at least as high as every one left.</summary>
    [Law(Runs = 500)]
    public Property Inverted_selection_picks_the_highest_scores_per_layer() =>
        Prop.ForAll(NetworkCases.Any(), Schedules.ToArbitrary(), (c, s) =>
        {
            var scores = Scores(c.Spec, c.Seed);
            var chosen = new ScheduledSelection(ScoreType.RedoInverted, new ScheduledFraction(s.Rate, s.End), 0).Choose(c.Spec, scores, s.Step);
            foreach (var (layer, picked) in chosen)
            {
                var x = scores[layer];
                var left = Enumerable.Range(0, x.Count).Except(picked).ToList();
                if (picked.Count > 0 && left.Count > 0) Assert.True(picked.Min(i => x[i]) > left.Max(i => x[i]));
            }
        });

    /// <summary>Random ranks a permutation of the same scores: as many neurons as ReDo's choice, and the same ones again for the same seed and step.</summary>
    [Law(Runs = 500)]
    public Property Random_selection_is_seeded_and_as_large_as_redo() =>
        Prop.ForAll(NetworkCases.Any(), Schedules.ToArbitrary(), (c, s) =>
        {
            var scores = Scores(c.Spec, c.Seed);
            var schedule = new ScheduledFraction(s.Rate, s.End);
            var random = new ScheduledSelection(ScoreType.Random, schedule, (ulong)c.Seed);
            var once = random.Choose(c.Spec, scores, s.Step);
            var redo = new ScheduledSelection(ScoreType.Redo, schedule, (ulong)c.Seed).Choose(c.Spec, scores, s.Step);
            foreach (var layer in once.Keys)
            {
                Assert.Equal(redo[layer].Count, once[layer].Count);
                Assert.Equal(once[layer], random.Choose(c.Spec, scores, s.Step)[layer]);
            }
        });

    /// <summary>
    /// Every input column of every consumer belongs to exactly one producer neuron (both mappings), so the
    /// per-neuron outgoing sums of the CBP utility add up to the consumers' column sums.
    /// </summary>
    [Law(Runs = 500)]
    public Property Cbp_outgoing_sums_partition_the_consumers_columns() =>
        Prop.ForAll(NetworkCases.Any(), Gen.Elements(new[] { FlattenMapping.ChannelsFirst, FlattenMapping.DopamineCompat }).ToArbitrary(), (c, mapping) =>
        {
            var r = new System.Random(c.Seed);
            var columns = c.Spec.Layers.ToDictionary(l => l.Name, l => (IReadOnlyList<double>)Enumerable.Range(0, l.InputUnits).Select(_ => (double)r.Next(0, 1000)).ToList());
            foreach (var layer in c.Spec.RecyclableLayers)
            {
                var sums = CbpUtility.OutgoingPerNeuron(c.Spec, layer.Name, columns, mapping);
                Assert.Equal(layer.Neurons, sums.Count);
                Assert.Equal(c.Spec.ConsumersOf(layer.Name).Sum(k => columns[k.Name].Sum()), sums.Sum());   // integers: exact
            }
        });

    [Fact]
    public void Cbp_utility_by_hand()
    {
        // u = centred activation × Σ|out| / Σ|in|; a neuron without incoming weight scores 0.
        Assert.Equal([0.5 * 6 / 3, 2.0 * 1 / 4, 0.0], CbpUtility.Compute([0.5, 2.0, 0.0], [3, 4, 0], [6, 1, 5]));
        // MinAtar Conv_0 → Dense_0: channel 1 owns columns 64 … 127 (ChannelsFirst).
        var spec = NetworkCatalog.MinAtarDqn(4, 3);
        var columns = new Dictionary<string, IReadOnlyList<double>> { ["Dense_0"] = Enumerable.Range(0, 1024).Select(j => j / 64 == 1 ? 1.0 : 0.0).ToList() };
        var sums = CbpUtility.OutgoingPerNeuron(spec, "Conv_0", columns, FlattenMapping.ChannelsFirst);
        Assert.Equal(64, sums[1]);
        Assert.Equal(64, sums.Sum());
    }

    /// <summary>Width × m scales Conv_0 and Dense_0 (rounded up) and the network stays consistent (paper Fig. 12).</summary>
    [Law(Runs = 300)]
    public Property Width_multiplier_scales_every_hidden_layer() =>
        Prop.ForAll(Gen.OneOf(Gen.Choose(1, 64).Select(x => x / 8.0), Gen.Choose(1, 40).Select(x => x / 10.0)).ToArbitrary(), Gen.Choose(1, 10).ToArbitrary(), (m, channels) =>
        {
            var (width, hidden) = NetworkCatalog.MinAtarWidths(m);
            Assert.Equal(((int)Math.Ceiling(16 * m), (int)Math.Ceiling(128 * m)), (width, hidden));
            foreach (var spec in new[] { NetworkCatalog.MinAtarDqn(channels, 6, width, hidden), NetworkCatalog.MinAtarDueling(channels, 6, width, hidden) })
            {
                Assert.Empty(NetworkGeometry.Validate(spec));
                Assert.Equal([width, hidden], spec.RecyclableLayers.Select(l => l.Neurons));
                Assert.Equal(width * 64, spec.Layer("Dense_0").InputUnits);
            }
        });
}
