using ReDo.Pure.Runs;
using ReDo.MinAtar;
using ReDo.MinAtar.Random;

namespace ReDo.Shell.Runs;

/// <summary>
/// The managed part of a checkpoint (state.json): where the loop stood, the agent's counters and
/// MT19937, the environment (game, its generator, the sticky last action) and the metric
/// accumulators of the open logging interval. Tensors, replay and libtorch generators are binary parts.
/// </summary>
public sealed record TrainerState(
    long Frames,
    long TrainingSteps,
    long Updates,
    long ReplayAddCount,
    double EpisodeReturn,
    double LastDormant,
    double[] RecentReturns,
    RandomStateSnapshot AgentRandom,
    EnvironmentSnapshot Environment,
    IntervalStatsState Stats);
