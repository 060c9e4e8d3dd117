using ReDo.Pure.Dormancy;
using ReDo.Pure.Recycling;

namespace ReDo.Recycling;

/// <summary>
/// What one <see cref="NeuronRecycler.MaybeUpdateWeights"/> call measured and did: nothing on a step the
/// schedule skips; on a recycle step the dormancy of every scored layer at τ (<see cref="Dormancy"/>), the
/// neurons recycled per layer (<see cref="Plan"/>) and how far the outputs on the probe moved (<see cref="Outcome"/>).
/// </summary>
public sealed record RecyclerStep(long Step, RecycleResult? Result)
{
    public bool Recycled => Result is not null;
    public DormancyReport? Dormancy => Result?.Dormancy;
    public RecyclePlan? Plan => Result?.Plan;
    public RecycleOutcome? Outcome => Result?.Outcome;
}
