namespace ReDo.Pure.Agents;

/// <summary>n-step return of a stored trajectory piece: Σ_k γ^k r_k up to and including the first terminal.</summary>
public static class NStepReturn
{
    /// <returns>The discounted sum, whether a terminal was met, and the discount γ^n to apply to the bootstrap.</returns>
    public static (double Return, bool Terminal, double BootstrapDiscount) Of(ReadOnlySpan<float> rewards, ReadOnlySpan<bool> terminals, double discount)
    {
        double g = 0, d = 1;
        for (int k = 0; k < rewards.Length; k++)
        {
            g += d * rewards[k];
            d *= discount;
            if (terminals[k]) return (g, true, 0);
        }
        return (g, false, d);
    }
}
