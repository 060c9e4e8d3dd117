using ReDo.NumPyRandom;

namespace ReDo.MinAtar;

/// <summary>
/// Everything that decides an environment's future: settings, game state, generator state and the sticky
/// <c>last_action</c>. Restoring it and replaying the same actions reproduces the same frames and rewards.
/// </summary>
public sealed record EnvironmentSnapshot(EnvironmentOptions Options, GameSnapshot Game, RandomStateSnapshot Random, GameAction LastAction);
