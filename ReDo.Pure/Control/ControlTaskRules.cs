using ReDo.Pure.Collections;

namespace ReDo.Pure.Control;

/// <summary>
/// The decisions of a task as pure functions of the simulator state: observation, reward terms,
/// health (termination), reset state and the agent-action → control mapping. Gymnasium v4's
/// definitions; docs/mujoco.md.
/// </summary>
public static class ControlTaskRules
{
    /// <summary>Observation length: qpos minus the skipped root coordinates, qvel, and with bodies 10+6+6 per body and nv actuator forces.</summary>
    public static int ObservationSize(ControlTask task, int nq, int nv, int nbody) =>
        nq - task.PositionsSkipped + nv + (task.ObserveBodies ? 22 * nbody + nv : 0);

    /// <summary>qpos[skip:], qvel (clipped to ±clip where the task clips), then cinert, cvel, qfrc_actuator, cfrc_ext (Humanoid).</summary>
    public static ValueList<double> Observe(ControlTask task, PhysicsState s)
    {
        var o = new List<double>(s.Qpos.Count + s.Qvel.Count);
        for (int i = task.PositionsSkipped; i < s.Qpos.Count; i++) o.Add(s.Qpos[i]);
        foreach (var v in s.Qvel) o.Add(Math.Clamp(v, -task.VelocityClip, task.VelocityClip));
        if (task.ObserveBodies)
        {
            o.AddRange(s.Cinert);
            o.AddRange(s.Cvel);
            o.AddRange(s.QfrcActuator);
            o.AddRange(s.CfrcExt);
        }
        return o.ToValueList();
    }

    public static bool IsHealthy(ControlTask task, PhysicsState s)
    {
        var h = task.Health;
        if (h.RequireFinite && (s.Qpos.Any(x => !double.IsFinite(x)) || s.Qvel.Any(x => !double.IsFinite(x)))) return false;
        if (h.ZIndex >= 0 && !Inside(s.Qpos[h.ZIndex], h.ZLow, h.ZHigh, h.Closed)) return false;
        if (h.AngleIndex >= 0 && !Inside(s.Qpos[h.AngleIndex], h.AngleLow, h.AngleHigh, h.Closed)) return false;
        if (h.StateFrom >= 0)
        {
            // Gymnasium's state_vector()[from:]: positions then velocities, as one vector.
            for (int i = h.StateFrom; i < s.Qpos.Count + s.Qvel.Count; i++)
            {
                var x = i < s.Qpos.Count ? s.Qpos[i] : s.Qvel[i - s.Qpos.Count];
                if (!Inside(x, h.StateLow, h.StateHigh, closed: false)) return false;
            }
        }
        return true;
    }

    static bool Inside(double x, double low, double high, bool closed) => closed ? low <= x && x <= high : low < x && x < high;

    /// <summary>
    /// Reward of one agent step from the states before and after it: forward = weight·Δx/dt,
    /// healthy = the constant (Gymnasium v4 pays it on every step, the terminating one included,
    /// since terminate_when_unhealthy is on), control cost = weight·Σ control².
    /// </summary>
    public static RewardTerms Reward(ControlTask task, PhysicsState before, PhysicsState after, IReadOnlyList<double> control, double dt)
    {
        double forward = task.Forward switch
        {
            ForwardMeasure.RootX => (after.Qpos[0] - before.Qpos[0]) / dt,
            ForwardMeasure.TorsoComX => (after.ComX(1) - before.ComX(1)) / dt,
            ForwardMeasure.MassCenterX => (after.MassCenterX() - before.MassCenterX()) / dt,
            _ => 0.0,
        };
        double squares = 0;
        foreach (var c in control) squares += c * c;
        return new RewardTerms(task.ForwardWeight * forward, task.HealthyReward, task.ControlCostWeight * squares);
    }

    /// <summary>The agent step's outcome: observation, reward, termination (unhealthy) and truncation (time limit, not a terminal for bootstrapping).</summary>
    public static ControlStep Step(ControlTask task, PhysicsState before, PhysicsState after, IReadOnlyList<double> control, double dt, int stepInEpisode)
    {
        var terminated = task.CanTerminate && !IsHealthy(task, after);
        return new ControlStep(Observe(task, after), Reward(task, before, after, control, dt), terminated,
            Truncated: !terminated && stepInEpisode >= task.MaxEpisodeSteps);
    }

    /// <summary>
    /// The reset state: qpos0 + s·(2u − 1) per position and, per velocity, s·(2u − 1) (uniform tasks)
    /// or s·n (HalfCheetah and Ant), from uniforms u ∈ [0, 1) and standard normals n the shell drew.
    /// </summary>
    public static (ValueList<double> Qpos, ValueList<double> Qvel) ResetState(
        ControlTask task, IReadOnlyList<double> qpos0, IReadOnlyList<double> positionUniforms, IReadOnlyList<double> velocityDraws)
    {
        var s = task.ResetNoiseScale;
        var qpos = qpos0.Select((q, i) => q + (-s + 2 * s * positionUniforms[i])).ToValueList();
        var qvel = velocityDraws.Select(d => task.VelocityNoise == VelocityNoise.Normal ? s * d : -s + 2 * s * d).ToValueList();
        return (qpos, qvel);
    }

    /// <summary>Maps a squashed action in [−1, 1] to the actuator's control range (as TF-Agents scales a tanh policy to the action spec).</summary>
    public static double ToControl(double squashed, double low, double high) => low + (Math.Clamp(squashed, -1, 1) + 1) * 0.5 * (high - low);
}
