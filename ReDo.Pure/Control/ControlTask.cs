namespace ReDo.Pure.Control;

/// <summary>How forward progress is measured: Δx / dt of this quantity.</summary>
public enum ForwardMeasure
{
    /// <summary>qpos[0], the root's x slide (HalfCheetah, Hopper, Walker2d).</summary>
    RootX,
    /// <summary>x of the torso's centre of mass, body 1 (Ant: get_body_com("torso")).</summary>
    TorsoComX,
    /// <summary>x of the whole model's centre of mass (Humanoid).</summary>
    MassCenterX,
    /// <summary>No forward term (the cart-pole).</summary>
    None,
}

/// <summary>How reset noise is added to qvel (positions always get U(−s, s)).</summary>
public enum VelocityNoise { Uniform, Normal }

/// <summary>
/// When a state is healthy (Gymnasium v4's is_healthy): qpos[ZIndex] and qpos[AngleIndex] inside
/// their bounds, every entry of (qpos, qvel)[StateFrom:] inside the state bounds, everything finite.
/// A negative index switches a check off; <see cref="Closed"/> picks closed intervals for the z and
/// angle checks (Ant's z, the cart-pole's angle) over open ones (Hopper, Walker2d, Humanoid).
/// </summary>
public sealed record HealthRule(
    int ZIndex = -1, double ZLow = double.NegativeInfinity, double ZHigh = double.PositiveInfinity, bool Closed = false,
    int AngleIndex = -1, double AngleLow = double.NegativeInfinity, double AngleHigh = double.PositiveInfinity,
    int StateFrom = -1, double StateLow = double.NegativeInfinity, double StateHigh = double.PositiveInfinity,
    bool RequireFinite = false)
{
    public static readonly HealthRule Always = new();
}

/// <summary>
/// One task as Gymnasium v4 defines it (observation, reward terms, termination, frame skip, reset
/// noise); the physics is the MJCF file. Differences from Gymnasium: docs/mujoco.md.
/// </summary>
public sealed record ControlTask(
    ControlTaskId Id,
    string ModelFile,
    int FrameSkip,
    double ResetNoiseScale,
    VelocityNoise VelocityNoise,
    ForwardMeasure Forward,
    double ForwardWeight,
    double ControlCostWeight,
    double HealthyReward,
    HealthRule Health,
    int PositionsSkipped,
    double VelocityClip = double.PositiveInfinity,
    bool ObserveBodies = false,
    int MaxEpisodeSteps = 1000)
{
    /// <summary>Whether an unhealthy state ends the episode (every task with a health rule; HalfCheetah never ends).</summary>
    public bool CanTerminate => Health != HealthRule.Always;
}
