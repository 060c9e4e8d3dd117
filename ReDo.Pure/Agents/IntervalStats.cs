using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Metrics;
using ReDo.Pure.Recycling;

namespace ReDo.Pure.Agents;

/// <summary>
/// What happened during one logging interval of training; becomes one <see cref="MetricsRow"/>.
/// Dormancy is the latest measurement in the interval (at τ = 0 and at the configured τ).
/// </summary>
public sealed record IntervalStats(
    int Episodes, double ReturnSum, int Updates, double LossSum,
    int NeuronsRecycled, double MaxOutputChange, DormancyReport? AtZero, DormancyReport? AtTau)
{
    public static IntervalStats Empty { get; } = new(0, 0, 0, 0, 0, 0, null, null);

    public IntervalStats WithEpisode(double episodeReturn) => this with { Episodes = Episodes + 1, ReturnSum = ReturnSum + episodeReturn };
    public IntervalStats WithLoss(double loss) => this with { Updates = Updates + 1, LossSum = LossSum + loss };
    public IntervalStats WithRecycle(RecycleOutcome o) => this with { NeuronsRecycled = NeuronsRecycled + o.Total, MaxOutputChange = Math.Max(MaxOutputChange, o.MaxOutputChange) };
    public IntervalStats WithDormancy(DormancyReport atZero, DormancyReport atTau) => this with { AtZero = atZero, AtTau = atTau };

    /// <summary>Adds an agent step's updates in the order they ran: each one's loss, then its recycling, then its dormancy.</summary>
    public IntervalStats With(StepReport step)
    {
        var stats = this;
        foreach (var u in step.Updates)
        {
            stats = stats.WithLoss(u.Loss);
            if (u.Recycled is { } recycled) stats = stats.WithRecycle(recycled);
            if (u.AtZero is { } atZero && u.AtTau is { } atTau) stats = stats.WithDormancy(atZero, atTau);
        }
        return stats;
    }

    /// <param name="returnLast100">Mean return of the last 100 training episodes so far (NaN before the first).</param>
    public MetricsRow ToRow(long frames, long gradientSteps, IReadOnlyList<string> scoredLayers, double returnLast100 = double.NaN) => new(
        frames, gradientSteps, Episodes,
        Episodes == 0 ? double.NaN : ReturnSum / Episodes,
        Updates == 0 ? double.NaN : LossSum / Updates,
        AtZero?.OverallFraction ?? double.NaN,
        AtTau?.OverallFraction ?? double.NaN,
        Layers(AtZero, scoredLayers), Layers(AtTau, scoredLayers),
        NeuronsRecycled, MaxOutputChange, returnLast100);

    static ValueList<LayerFraction> Layers(DormancyReport? report, IReadOnlyList<string> layers) =>
        report is null ? MetricsRow.NotMeasured(layers) : layers.Select(l => new LayerFraction(l, report.For(l).DormantFraction)).ToValueList();
}
