using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Metrics;
using ReDo.Pure.Recycling;

namespace ReDo.Pure.Agents;

/// <summary>
/// What happened during one logging interval of training; becomes one <see cref="MetricsRow"/>.
/// Dormancy is the latest measurement in the interval (at τ = 0 and at the configured τ); an agent's
/// own columns (<see cref="ExtraSum"/>) are the mean of what it reported in the interval.
/// </summary>
public sealed record IntervalStats(
    int Episodes, double ReturnSum, int Updates, double LossSum,
    int NeuronsRecycled, double MaxOutputChange, DormancyReport? AtZero, DormancyReport? AtTau)
{
    public static IntervalStats Empty { get; } = new(0, 0, 0, 0, 0, 0, null, null);

    /// <summary>
    /// Sums and counts of the agent's own columns reported so far in the interval, in first-reported order;
    /// null while none was reported (so a checkpoint of an agent without such columns does not mention them).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ValueList<ExtraSum>? Extras { get; init; }

    public IntervalStats WithExtras(IEnumerable<NamedValue> values)
    {
        var sums = Extras?.ToList() ?? [];
        foreach (var v in values)
        {
            int i = sums.FindIndex(s => s.Name == v.Name);
            if (i < 0) sums.Add(new ExtraSum(v.Name, v.Value, 1));
            else sums[i] = sums[i] with { Sum = sums[i].Sum + v.Value, Count = sums[i].Count + 1 };
        }
        return this with { Extras = sums.ToValueList() };
    }

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
            if (u.Extras.Count > 0) stats = stats.WithExtras(u.Extras);
        }
        return step.Extras.Count > 0 ? stats.WithExtras(step.Extras) : stats;
    }

    /// <param name="returnLast100">Mean return of the last 100 training episodes so far (NaN before the first).</param>
    /// <param name="extras">The agent's own columns, in file order: each the mean of the interval's reports, NaN when none came.</param>
    public MetricsRow ToRow(long frames, long gradientSteps, IReadOnlyList<string> scoredLayers, double returnLast100 = double.NaN, IReadOnlyList<string>? extras = null) => new(
        frames, gradientSteps, Episodes,
        Episodes == 0 ? double.NaN : ReturnSum / Episodes,
        Updates == 0 ? double.NaN : LossSum / Updates,
        AtZero?.OverallFraction ?? double.NaN,
        AtTau?.OverallFraction ?? double.NaN,
        Layers(AtZero, scoredLayers), Layers(AtTau, scoredLayers),
        NeuronsRecycled, MaxOutputChange, returnLast100)
    {
        DormantAtTenth = AtZero?.At(0.1).OverallFraction ?? double.NaN,
        Extras = (extras ?? []).Select(name => Extras?.FirstOrDefault(s => s.Name == name) is { } s ? new NamedValue(name, s.Sum / s.Count) : new NamedValue(name, double.NaN)).ToValueList(),
    };

    static ValueList<LayerFraction> Layers(DormancyReport? report, IReadOnlyList<string> layers) =>
        report is null ? MetricsRow.NotMeasured(layers) : layers.Select(l => new LayerFraction(l, report.For(l).DormantFraction)).ToValueList();
}

/// <summary>The running sum and count of one of an agent's own metrics columns within a logging interval.</summary>
public sealed record ExtraSum(string Name, double Sum, int Count);
