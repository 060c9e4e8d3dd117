namespace ReDo.Pure.Agents;

/// <summary>
/// DrQ's intensity noise (DrQ, Kostrikov et al. 2021, as the paper's DrQ(ε) uses it; docs/drq.md): each augmented sample is multiplied by one factor
/// 1 + scale · clip(z, −2, 2) with z ~ N(0, 1), so the factor lies in [1 − 2·scale, 1 + 2·scale]
/// (the reference's scale 0.05 gives [0.9, 1.1]). Off by default on MinAtar: see docs/drq.md.
/// </summary>
public static class IntensityNoise
{
    /// <summary>The reference DrQ's scale.</summary>
    public const double ReferenceScale = 0.05;
    /// <summary>The standard normal draw is clipped to ±Clip before scaling.</summary>
    public const double Clip = 2.0;
    /// <summary>Largest scale the config accepts: 1 − 2·scale stays positive, so no sample changes sign.</summary>
    public const double MaxScale = 0.25;

    /// <summary>
    /// The factor from two uniforms u1, u2 ∈ [0, 1) (one Box–Muller normal: √(−2 ln(1 − u1))·cos(2π u2);
    /// 1 − u1 keeps the logarithm finite at u1 = 0). Two uniforms per sample, no cached second normal,
    /// so the generator's state alone fixes the next factor and a checkpoint resumes it.
    /// </summary>
    public static double Factor(double scale, double u1, double u2)
    {
        double z = Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2);
        return 1.0 + scale * Math.Clamp(z, -Clip, Clip);
    }
}
