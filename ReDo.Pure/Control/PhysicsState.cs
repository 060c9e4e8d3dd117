using ReDo.Pure.Collections;

namespace ReDo.Pure.Control;

/// <summary>
/// What a task reads from the simulator after a step (MuJoCo's names): generalized positions and
/// velocities, and per body (world body 0 included, as MuJoCo and Gymnasium count them) the
/// centre-of-mass position xipos (3), com-based inertia cinert (10), velocity cvel (6) and external
/// force cfrc_ext (6), the actuator forces qfrc_actuator (nv) and the body masses.
/// </summary>
public sealed record PhysicsState(
    ValueList<double> Qpos,
    ValueList<double> Qvel,
    ValueList<double> Xipos,
    ValueList<double> BodyMass,
    ValueList<double> Cinert,
    ValueList<double> Cvel,
    ValueList<double> QfrcActuator,
    ValueList<double> CfrcExt)
{
    /// <summary>A state with positions and velocities only (tasks that read nothing else).</summary>
    public static PhysicsState Of(IEnumerable<double> qpos, IEnumerable<double> qvel) =>
        new(qpos.ToValueList(), qvel.ToValueList(), ValueList<double>.Empty, ValueList<double>.Empty,
            ValueList<double>.Empty, ValueList<double>.Empty, ValueList<double>.Empty, ValueList<double>.Empty);

    /// <summary>x of body <paramref name="body"/>'s centre of mass.</summary>
    public double ComX(int body) => Xipos[3 * body];

    /// <summary>x of the whole model's centre of mass, Σ m·xipos / Σ m (Gymnasium's Humanoid mass_center).</summary>
    public double MassCenterX()
    {
        double weighted = 0, total = 0;
        for (int b = 0; b < BodyMass.Count; b++) { weighted += BodyMass[b] * Xipos[3 * b]; total += BodyMass[b]; }
        return weighted / total;
    }
}
