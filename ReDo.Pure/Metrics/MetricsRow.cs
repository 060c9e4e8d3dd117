using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics;

/// <summary>The dormant fraction (0…1) of one scored layer; NaN when not measured.</summary>
public sealed record LayerFraction(string Layer, double Fraction);

/// <summary>One agent-specific column of a metrics row (SAC: eval_return, alpha, actor_loss …); NaN when there is nothing to report.</summary>
public sealed record NamedValue(string Name, double Value);

/// <summary>
/// One logging interval of a training run (one line of metrics.csv, one TensorBoard step).
/// Counts are for the interval; NaN marks "nothing to report" (no finished episode, no update,
/// dormancy not measured). <see cref="ReturnLast100"/> is the MinAtar paper's curve: the mean return
/// of the last 100 training episodes finished so far (NaN before the first). Fractions are 0…1 here
/// and percentages in the file. Every field is
/// decided by the seed, so a resumed run writes the same bytes; wall-clock throughput goes to
/// progress.csv and the log instead (<see cref="ProgressRow"/>).
/// </summary>
public sealed record MetricsRow(
    long Frames,
    long GradientSteps,
    int Episodes,
    double MeanReturn,
    double Loss,
    double DormantAtZero,
    double DormantAtTau,
    ValueList<LayerFraction> LayersAtZero,
    ValueList<LayerFraction> LayersAtTau,
    int NeuronsRecycled,
    double OutputChange,
    double ReturnLast100 = double.NaN)
{
    /// <summary>The overall dormant fraction at τ = 0.1 whatever the run's τ (NaN when not measured), so runs can be compared at one τ.</summary>
    public double DormantAtTenth { get; init; } = double.NaN;

    /// <summary>The agent's own columns after return_last100, in order (none for DQN; SAC's: docs/metrics.md).</summary>
    public ValueList<NamedValue> Extras { get; init; } = ValueList<NamedValue>.Empty;

    /// <summary>The layer names of this row's per-layer columns (τ = 0 and τ must name the same layers).</summary>
    public ValueList<string> Layers => LayersAtZero.Select(l => l.Layer).ToValueList();

    /// <summary>Per-layer fractions for an interval in which dormancy was not measured: the layers, all NaN.</summary>
    public static ValueList<LayerFraction> NotMeasured(IEnumerable<string> layers) =>
        layers.Select(l => new LayerFraction(l, double.NaN)).ToValueList();
}

/// <summary>A parsed metrics.csv: the per-layer column names, the rows in file order, and the agent's own column names.</summary>
public sealed record MetricsTable(ValueList<string> Layers, ValueList<MetricsRow> Rows)
{
    public ValueList<string> Extras { get; init; } = ValueList<string>.Empty;

    /// <summary>Whether the file has the τ = 0.1 column (files written before it existed do not).</summary>
    public bool AtTenth { get; init; } = true;
}
