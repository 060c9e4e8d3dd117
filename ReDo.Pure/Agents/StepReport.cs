using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Metrics;
using ReDo.Pure.Recycling;

namespace ReDo.Pure.Agents;

/// <summary>
/// What one gradient update did: its loss, and when they happened at this step the recycling outcome
/// (paper §3), the dormancy measurement at τ = 0 and at the configured τ (Def. 3.1), and the entry for
/// dormancy-log.txt (masks and feature ranks, Table 7).
/// </summary>
public sealed record UpdateReport(long GradientStep, double Loss)
{
    public RecycleOutcome? Recycled { get; init; }
    public DormancyReport? AtZero { get; init; }
    public DormancyReport? AtTau { get; init; }
    public DormancyLogEntry? LogEntry { get; init; }
    /// <summary>The agent's own columns measured by this update (SAC: actor_loss, alpha_loss, alpha, entropy); the interval's row holds their mean.</summary>
    public ValueList<NamedValue> Extras { get; init; } = ValueList<NamedValue>.Empty;
}

/// <summary>What one agent step did: the updates it ran, in order (none during the warm-up or between update periods).</summary>
public sealed record StepReport(ValueList<UpdateReport> Updates)
{
    /// <summary>The agent's own columns measured at this step rather than by an update (SAC: eval_return); the interval's row holds their mean.</summary>
    public ValueList<NamedValue> Extras { get; init; } = ValueList<NamedValue>.Empty;

    public static StepReport None { get; } = new(ValueList<UpdateReport>.Empty);
}
