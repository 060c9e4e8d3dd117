using ReDo.Pure.Agents;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;

namespace ReDo.Pure.Runs;

/// <summary><see cref="IntervalStats"/> in a JSON-friendly shape (arrays, no computed members); converts both ways exactly.</summary>
public sealed record IntervalStatsState(
    int Episodes, double ReturnSum, int Updates, double LossSum, int NeuronsRecycled, double MaxOutputChange,
    DormancyState? AtZero, DormancyState? AtTau)
{
    /// <summary>The agent's own columns' running sums (absent in checkpoints written before they existed: none).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ValueList<ExtraSum>? Extras { get; init; }

    public static IntervalStatsState From(IntervalStats s) => new(
        s.Episodes, s.ReturnSum, s.Updates, s.LossSum, s.NeuronsRecycled, s.MaxOutputChange,
        DormancyState.From(s.AtZero), DormancyState.From(s.AtTau)) { Extras = s.Extras.Count == 0 ? null : s.Extras };

    public IntervalStats ToStats() => new(Episodes, ReturnSum, Updates, LossSum, NeuronsRecycled, MaxOutputChange, AtZero?.ToReport(), AtTau?.ToReport())
    {
        Extras = Extras ?? ValueList<ExtraSum>.Empty,
    };
}

public sealed record DormancyState(double Tau, ValueList<LayerDormancyState> Layers)
{
    public static DormancyState? From(DormancyReport? r) =>
        r is null ? null : new(r.Tau, [.. r.Layers.Select(l => new LayerDormancyState(l.Layer, [.. l.Scores], l.Tau))]);

    public DormancyReport ToReport() => new(Tau, Layers.Select(l => new LayerDormancy(l.Layer, l.Scores.ToValueList(), l.Tau)).ToValueList());
}

public sealed record LayerDormancyState(string Layer, ValueList<double> Scores, double Tau);
