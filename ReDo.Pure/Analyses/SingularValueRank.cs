namespace ReDo.Pure.Analyses;

/// <summary>
/// Effective ranks of a feature matrix from its singular values (paper Table 7: the penultimate
/// layer's features on a probe batch). The shell computes the singular values; this decides.
/// </summary>
public static class SingularValueRank
{
    /// <summary>δ of Kumar et al. (2021), "Implicit under-parameterization", used by the paper.</summary>
    public const double DefaultDelta = 0.01;

    /// <summary>
    /// srank_δ (Kumar et al. 2021): the smallest k such that the k largest singular values hold at
    /// least 1 − δ of their total, Σ_{i≤k} σ_i / Σ_i σ_i ≥ 1 − δ. An all-zero matrix has srank 0.
    /// </summary>
    public static int SRank(IReadOnlyList<double> singularValues, double delta = DefaultDelta)
    {
        if (!(delta >= 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must lie in [0, 1)");
        var sorted = Sorted(singularValues);
        double total = sorted.Sum();
        if (total == 0) return 0;
        double cumulative = 0;
        for (int k = 0; k < sorted.Length; k++)
        {
            cumulative += sorted[k];
            if (cumulative / total >= 1 - delta) return k + 1;
        }
        return sorted.Length;   // unreachable: at k = n the ratio is exactly 1
    }

    /// <summary>
    /// Entropy-based effective rank (Roy &amp; Vetterli 2007): exp(H(p)) with p_i = σ_i / Σ σ and
    /// 0·log 0 = 0. It lies in [1, rank] for a non-zero matrix; an all-zero matrix gets 0.
    /// </summary>
    public static double Entropy(IReadOnlyList<double> singularValues)
    {
        var sorted = Sorted(singularValues);
        double total = sorted.Sum();
        if (total == 0) return 0;
        double h = 0;
        foreach (var s in sorted)
            if (s > 0)
            {
                double p = s / total;
                h -= p * Math.Log(p);
            }
        return Math.Exp(h);
    }

    static double[] Sorted(IReadOnlyList<double> singularValues)
    {
        foreach (var s in singularValues)
            if (!(s >= 0) || double.IsInfinity(s)) throw new ArgumentException($"singular values must be finite and ≥ 0, got {s}");
        return singularValues.OrderDescending().ToArray();
    }
}
