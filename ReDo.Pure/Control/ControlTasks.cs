namespace ReDo.Pure.Control;

/// <summary>The task catalogue: Gymnasium v4's defaults for each task (docs/mujoco.md lists the sources and our differences).</summary>
public static class ControlTasks
{
    /// <summary>Debian's humanoid (libmujoco-samples), used as shipped.</summary>
    public const string DebianHumanoid = "/usr/share/mujoco/model/humanoid/humanoid.xml";

    public static readonly ControlTask HalfCheetah = new(
        ControlTaskId.HalfCheetah, "half_cheetah.xml", FrameSkip: 5, ResetNoiseScale: 0.1, VelocityNoise.Normal,
        ForwardMeasure.RootX, ForwardWeight: 1.0, ControlCostWeight: 0.1, HealthyReward: 0.0, HealthRule.Always, PositionsSkipped: 1);

    // Hopper: healthy while z > 0.7, |angle| < 0.2 and every entry of (qpos, qvel)[2:] inside (−100, 100).
    public static readonly ControlTask Hopper = new(
        ControlTaskId.Hopper, "hopper.xml", FrameSkip: 4, ResetNoiseScale: 5e-3, VelocityNoise.Uniform,
        ForwardMeasure.RootX, ForwardWeight: 1.0, ControlCostWeight: 1e-3, HealthyReward: 1.0,
        new HealthRule(ZIndex: 1, ZLow: 0.7, AngleIndex: 2, AngleLow: -0.2, AngleHigh: 0.2, StateFrom: 2, StateLow: -100, StateHigh: 100),
        PositionsSkipped: 1, VelocityClip: 10);

    // Walker2d: healthy while 0.8 < z < 2 and −1 < angle < 1.
    public static readonly ControlTask Walker2d = new(
        ControlTaskId.Walker2d, "walker2d.xml", FrameSkip: 4, ResetNoiseScale: 5e-3, VelocityNoise.Uniform,
        ForwardMeasure.RootX, ForwardWeight: 1.0, ControlCostWeight: 1e-3, HealthyReward: 1.0,
        new HealthRule(ZIndex: 1, ZLow: 0.8, ZHigh: 2.0, AngleIndex: 2, AngleLow: -1, AngleHigh: 1),
        PositionsSkipped: 1, VelocityClip: 10);

    // Ant: healthy while the state is finite and 0.2 ≤ torso z ≤ 1 (closed); no contact forces (use_contact_forces=False).
    public static readonly ControlTask Ant = new(
        ControlTaskId.Ant, "ant.xml", FrameSkip: 5, ResetNoiseScale: 0.1, VelocityNoise.Normal,
        ForwardMeasure.TorsoComX, ForwardWeight: 1.0, ControlCostWeight: 0.5, HealthyReward: 1.0,
        new HealthRule(ZIndex: 2, ZLow: 0.2, ZHigh: 1.0, Closed: true, RequireFinite: true),
        PositionsSkipped: 2);

    // Humanoid: healthy while 1 < torso z < 2; observation adds cinert, cvel, qfrc_actuator, cfrc_ext of every body.
    public static readonly ControlTask Humanoid = new(
        ControlTaskId.Humanoid, DebianHumanoid, FrameSkip: 5, ResetNoiseScale: 1e-2, VelocityNoise.Uniform,
        ForwardMeasure.MassCenterX, ForwardWeight: 1.25, ControlCostWeight: 0.1, HealthyReward: 5.0,
        new HealthRule(ZIndex: 2, ZLow: 1.0, ZHigh: 2.0),
        PositionsSkipped: 2, ObserveBodies: true);

    // Our cart-pole (Gymnasium InvertedPendulum-v4's rules): +1 per step, ends when |pole angle| > 0.2 or the state is not finite.
    public static readonly ControlTask InvertedPendulum = new(
        ControlTaskId.InvertedPendulum, "inverted_pendulum.xml", FrameSkip: 2, ResetNoiseScale: 0.01, VelocityNoise.Uniform,
        ForwardMeasure.None, ForwardWeight: 0.0, ControlCostWeight: 0.0, HealthyReward: 1.0,
        new HealthRule(AngleIndex: 1, AngleLow: -0.2, AngleHigh: 0.2, RequireFinite: true, Closed: true),
        PositionsSkipped: 0);

    public static IReadOnlyList<ControlTask> All { get; } = [HalfCheetah, Hopper, Walker2d, Ant, Humanoid, InvertedPendulum];

    public static ControlTask Get(ControlTaskId id) => All.First(t => t.Id == id);
}
