using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Collections;
using ReDo.Pure.Control;
using Xunit;

namespace ReDo.Properties.Laws.MuJoCo;

/// <summary>The tasks' decisions (pure, no MuJoCo needed): observation sizes, reward terms on hand-computed states, health ranges, reset noise.</summary>
public class ControlTaskLaws
{
    static PhysicsState State(double[] qpos, double[] qvel) => PhysicsState.Of(qpos, qvel);

    [Theory]
    [InlineData(ControlTaskId.HalfCheetah, 9, 9, 8, 17)]
    [InlineData(ControlTaskId.Hopper, 6, 6, 5, 11)]
    [InlineData(ControlTaskId.Walker2d, 9, 9, 8, 17)]
    [InlineData(ControlTaskId.Ant, 15, 14, 14, 27)]
    [InlineData(ControlTaskId.Humanoid, 24, 23, 14, 376)] // Gymnasium's humanoid.xml sizes give its 376
    [InlineData(ControlTaskId.Humanoid, 28, 27, 17, 454)] // Debian's humanoid.xml (docs/mujoco.md)
    [InlineData(ControlTaskId.InvertedPendulum, 2, 2, 3, 4)]
    public void Observation_sizes_are_gymnasiums(ControlTaskId id, int nq, int nv, int nbody, int expected)
    {
        var task = ControlTasks.Get(id);
        Assert.Equal(expected, ControlTaskRules.ObservationSize(task, nq, nv, nbody));
        var s = new PhysicsState(new double[nq].ToValueList(), new double[nv].ToValueList(), new double[3 * nbody].ToValueList(), new double[nbody].ToValueList(),
            new double[10 * nbody].ToValueList(), new double[6 * nbody].ToValueList(), new double[nv].ToValueList(), new double[6 * nbody].ToValueList());
        Assert.Equal(expected, ControlTaskRules.Observe(task, s).Count);
    }

    [Fact]
    public void Observations_drop_the_root_position_and_clip_velocities_where_gymnasium_does()
    {
        var hopper = ControlTaskRules.Observe(ControlTasks.Hopper, State([7, 1.2, 0.1, -0.2, -0.3, 0.05], [15, -12, 3, 0, 0, -9.5]));
        Assert.Equal([1.2, 0.1, -0.2, -0.3, 0.05, 10, -10, 3, 0, 0, -9.5], hopper);
        var cheetah = ControlTaskRules.Observe(ControlTasks.HalfCheetah, State([5, 1, 2, 3, 4, 5, 6, 7, 8], [20, 0, 0, 0, 0, 0, 0, 0, -30]));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 20, 0, 0, 0, 0, 0, 0, 0, -30], cheetah); // HalfCheetah does not clip
        var ant = ControlTaskRules.Observe(ControlTasks.Ant, State([1, 2, 0.5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], new double[14]));
        Assert.Equal(0.5, ant[0]); // x and y dropped
    }

    [Fact]
    public void Reward_terms_match_hand_computed_values()
    {
        // HalfCheetah: Δx 0.1 over dt 0.05 → 2; control 0.1·(0.25 + 0.25 + 1) = 0.15.
        var c = ControlTaskRules.Reward(ControlTasks.HalfCheetah, State([0, 0, 0, 0, 0, 0, 0, 0, 0], new double[9]), State([0.1, 0, 0, 0, 0, 0, 0, 0, 0], new double[9]),
            [0.5, -0.5, 0, 0, 0, 1], dt: 0.05);
        Assert.Equal((2.0, 0.0, 0.15), (c.Forward, c.Healthy, c.ControlCost), new Close());
        Assert.Equal(1.85, c.Total, 12);

        // Hopper: Δx 0.008 over dt 0.008 → 1; healthy 1; control 1e-3 · 3.
        var h = ControlTaskRules.Reward(ControlTasks.Hopper, State([1, 1.25, 0, 0, 0, 0], new double[6]), State([1.008, 1.25, 0, 0, 0, 0], new double[6]), [1, -1, 1], 0.008);
        Assert.Equal(1.997, h.Total, 12);

        // Ant: the torso's com (body 1) moves 0.05 in x over dt 0.05 → 1; healthy 1; control 0.5 · 8 · 0.25 = 1.
        static PhysicsState Bodies(double[] xipos, double[] mass) =>
            new(new double[15].ToValueList(), new double[14].ToValueList(), xipos.ToValueList(), mass.ToValueList(),
                ValueList<double>.Empty, ValueList<double>.Empty, ValueList<double>.Empty, ValueList<double>.Empty);
        var a = ControlTaskRules.Reward(ControlTasks.Ant, Bodies([0, 0, 0, 0, 0, 0.75], [0, 1]), Bodies([9, 9, 9, 0.05, 3, 0.7], [0, 1]),
            Enumerable.Repeat(0.5, 8).ToArray(), 0.05);
        Assert.Equal((1.0, 1.0, 1.0), (a.Forward, a.Healthy, a.ControlCost), new Close());

        // Humanoid: mass centre (1·1 + 3·2)/4 = 1.75 → (1·1.1 + 3·2.1)/4 = 1.85; 1.25 · 0.1 / 0.015; healthy 5; control 0.1 · 0.5.
        var u = ControlTaskRules.Reward(ControlTasks.Humanoid, Bodies([0, 0, 0, 1, 0, 0, 2, 0, 0], [0, 1, 3]), Bodies([5, 0, 0, 1.1, 0, 0, 2.1, 0, 0], [0, 1, 3]),
            [0.5, 0.5], 0.015);
        Assert.Equal((1.25 * 0.1 / 0.015, 5.0, 0.05), (u.Forward, u.Healthy, u.ControlCost), new Close());
    }

    sealed class Close : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9;
        public int GetHashCode((double, double, double) obj) => 0;
    }

    [Theory]
    // Hopper: z > 0.7 (open), |angle| < 0.2 (open), (qpos, qvel)[2:] inside (−100, 100); x and z are not range-checked.
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 1.25, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 0.7, 0, 0, 0, 0 }, 0.0, false)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 0.7001, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 1.25, 0.2, 0, 0, 0 }, 0.0, false)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 1.25, -0.1999, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Hopper, new[] { 1e6, 150, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 1.25, 0, 0, 0, 0 }, 100.0, false)]
    [InlineData(ControlTaskId.Hopper, new[] { 0.0, 1.25, 0, 0, 0, 0 }, -99.9, true)]
    // Walker2d: 0.8 < z < 2 and −1 < angle < 1, velocities free.
    [InlineData(ControlTaskId.Walker2d, new[] { 0.0, 1.25, 0, 0, 0, 0, 0, 0, 0 }, 500.0, true)]
    [InlineData(ControlTaskId.Walker2d, new[] { 0.0, 0.8, 0, 0, 0, 0, 0, 0, 0 }, 0.0, false)]
    [InlineData(ControlTaskId.Walker2d, new[] { 0.0, 2.0, 0, 0, 0, 0, 0, 0, 0 }, 0.0, false)]
    [InlineData(ControlTaskId.Walker2d, new[] { 0.0, 1.999, 0.999, 0, 0, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Walker2d, new[] { 0.0, 1.25, -1.0, 0, 0, 0, 0, 0, 0 }, 0.0, false)]
    // Ant: finite and 0.2 ≤ z ≤ 1 (closed).
    [InlineData(ControlTaskId.Ant, new[] { 0.0, 0, 0.2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Ant, new[] { 0.0, 0, 1.0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.0, true)]
    [InlineData(ControlTaskId.Ant, new[] { 0.0, 0, 1.0001, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0.0, false)]
    [InlineData(ControlTaskId.Ant, new[] { 0.0, 0, 0.5, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, double.NaN, false)]
    // Humanoid: 1 < z < 2 (open).
    [InlineData(ControlTaskId.Humanoid, new[] { 0.0, 0, 1.0 }, 0.0, false)]
    [InlineData(ControlTaskId.Humanoid, new[] { 0.0, 0, 1.4 }, 0.0, true)]
    // HalfCheetah never ends.
    [InlineData(ControlTaskId.HalfCheetah, new[] { 0.0, -5, 3, 0, 0, 0, 0, 0, 0 }, double.NaN, true)]
    public void Health_ranges_are_gymnasiums(ControlTaskId id, double[] qpos, double velocity, bool healthy)
    {
        var qvel = Enumerable.Repeat(velocity, Math.Max(qpos.Length - 1, 1)).ToArray();
        Assert.Equal(healthy, ControlTaskRules.IsHealthy(ControlTasks.Get(id), State(qpos, qvel)));
    }

    [Fact]
    public void The_time_limit_truncates_without_terminating_and_an_unhealthy_last_step_terminates()
    {
        var ok = State([0, 1.25, 0, 0, 0, 0], new double[6]);
        var fallen = State([0, 0.5, 0, 0, 0, 0], new double[6]);
        var limit = ControlTaskRules.Step(ControlTasks.Hopper, ok, ok, [0.0, 0, 0], 0.008, stepInEpisode: 1000);
        Assert.True(limit.Truncated && !limit.Terminated);
        var early = ControlTaskRules.Step(ControlTasks.Hopper, ok, ok, [0.0, 0, 0], 0.008, stepInEpisode: 999);
        Assert.False(early.Truncated || early.Terminated);
        var fell = ControlTaskRules.Step(ControlTasks.Hopper, ok, fallen, [0.0, 0, 0], 0.008, stepInEpisode: 1000);
        Assert.True(fell.Terminated && !fell.Truncated);
        Assert.Equal(1.0, fell.Reward.Healthy); // v4 pays the healthy reward on the terminating step too
    }

    static Arbitrary<double[]> Unit(int n) => Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(x => x / 1_000_001.0), n).ToArbitrary();

    [Law(Runs = 300)]
    public Property Reset_noise_stays_within_the_scale_around_qpos0() =>
        Prop.ForAll(Gen.Elements(ControlTasks.All.ToArray()).ToArbitrary(), Unit(15), Unit(14), (task, u, v) =>
        {
            var qpos0 = Enumerable.Range(0, 15).Select(i => i * 0.1).ToArray();
            var (qpos, qvel) = ControlTaskRules.ResetState(task, qpos0, u, v);
            var s = task.ResetNoiseScale;
            var positionsOk = qpos.Select((q, i) => Math.Abs(q - qpos0[i]) <= s * (1 + 1e-12)).All(x => x);
            var velocitiesOk = task.VelocityNoise == VelocityNoise.Normal
                ? qvel.Select((q, i) => q == s * v[i]).All(x => x)
                : qvel.All(q => Math.Abs(q) <= s * (1 + 1e-12));
            return positionsOk && velocitiesOk && qpos.Count == 15 && qvel.Count == 14;
        });

    [Law(Runs = 300)]
    public Property Squashed_actions_map_onto_the_control_range_monotonically() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (a, b, width) =>
        {
            double low = b / 100.0, high = low + width / 100.0, x = a / 1000.0, y = Math.Min(1, x + 0.001);
            var cx = ControlTaskRules.ToControl(x, low, high);
            return cx >= low && cx <= high && ControlTaskRules.ToControl(-1, low, high) == low
                   && Math.Abs(ControlTaskRules.ToControl(1, low, high) - high) < 1e-12 && ControlTaskRules.ToControl(y, low, high) >= cx;
        });
}
