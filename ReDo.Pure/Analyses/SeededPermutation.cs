namespace ReDo.Pure.Analyses;

/// <summary>
/// A permutation of 0 … n−1 fixed by a seed: Fisher–Yates driven by SplitMix64 (Steele et al. 2014),
/// kept here so the shuffle is a pure function of (n, seed) with no generator state to carry.
/// </summary>
public static class SeededPermutation
{
    public static int[] Of(int n, ulong seed)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "a permutation needs n ≥ 0");
        var p = Enumerable.Range(0, n).ToArray();
        ulong state = seed;
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(Next(ref state) % (ulong)(i + 1));   // modulo bias < 2^-32 for n < 2^31: immaterial here
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
