using ReDo.Pure.Collections;

namespace ReDo.Pure.Analyses;

/// <summary>Overlap of one layer's (or the whole network's, <see cref="DormantPersistence.Overall"/>) dormant set with the previous logging step's and with the reference step's.</summary>
public sealed record LayerOverlap(string Layer, int Dormant, double VsPrevious, double VsReference);

/// <summary>One logging step of the persistence curve (paper Fig. 5).</summary>
public sealed record PersistenceRow(long GradientStep, ValueList<LayerOverlap> Layers)
{
    public LayerOverlap Overall => Layers.Single(l => l.Layer == DormantPersistence.Overall);
}

/// <summary>
/// Paper §3, Fig. 5: do dormant neurons stay dormant? For every logging step, the overlap
/// coefficient of its dormant set with the previous step's and with an early reference step's, per
/// layer and over the whole network (a neuron is identified by its layer and index). The first step
/// has no previous one (NaN).
/// </summary>
public static class DormantPersistence
{
    public const string Overall = "overall";

    /// <summary>
    /// The reference is the first step at or after <paramref name="referenceStep"/>; by default the
    /// first step after gradient step 0 (the freshly initialised network's dormancy says nothing
    /// about training).
    /// </summary>
    public static ValueList<PersistenceRow> Series(IReadOnlyList<DormantMasks> steps, MaskThreshold threshold, long? referenceStep = null)
    {
        if (steps.Count == 0) return ValueList<PersistenceRow>.Empty;
        var reference = ReferenceIndex(steps, referenceStep);
        var sets = steps.Select(s => Sets(s.At(threshold))).ToList();
        var layers = steps[0].At(threshold).Select(l => l.Layer).Append(Overall).ToList();
        return steps.Select((s, i) => new PersistenceRow(s.GradientStep, layers.Select(layer =>
        {
            var now = sets[i][layer];
            double previous = i == 0 ? double.NaN : OverlapCoefficient.Of(sets[i - 1][layer], now);
            return new LayerOverlap(layer, now.Count, previous, OverlapCoefficient.Of(sets[reference][layer], now));
        }).ToValueList())).ToValueList();
    }

    public static int ReferenceIndex(IReadOnlyList<DormantMasks> steps, long? referenceStep)
    {
        long wanted = referenceStep ?? 1;
        for (int i = 0; i < steps.Count; i++)
            if (steps[i].GradientStep >= wanted) return i;
        return referenceStep is null ? 0 : throw new ArgumentException(
            $"no logging step at or after schedule step {referenceStep}; the last is {steps[^1].GradientStep}");
    }

    static Dictionary<string, IReadOnlySet<string>> Sets(IReadOnlyList<LayerMask> masks)
    {
        var sets = masks.ToDictionary(m => m.Layer, m => (IReadOnlySet<string>)m.Set.Select(i => $"{m.Layer}#{i}").ToHashSet());
        sets[Overall] = sets.Values.SelectMany(s => s).ToHashSet();
        return sets;
    }
}
