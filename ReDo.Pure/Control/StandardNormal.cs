namespace ReDo.Pure.Control;

/// <summary>Standard normal draws from uniforms (Box–Muller), so reset noise comes from the run's one seeded generator.</summary>
public static class StandardNormal
{
    /// <summary>√(−2 ln(1 − u1)) · cos(2π u2) for u1, u2 ∈ [0, 1) (1 − u1 keeps the log finite).</summary>
    public static double FromUniforms(double u1, double u2) => Math.Sqrt(-2.0 * Math.Log(1.0 - u1)) * Math.Cos(2.0 * Math.PI * u2);
}
