namespace ReDo.Pure.Analyses;

/// <summary>
/// The paper's supervised non-stationarity control (§3, Fig. 3): every <see cref="Period"/> epochs the
/// training labels are shuffled among the images (a permutation of the label vector, so the class
/// counts stay the same and only the image → label map changes). Period 0 keeps the labels fixed.
/// </summary>
public sealed record LabelShuffle(int Period, ulong Seed)
{
    public static LabelShuffle Fixed { get; } = new(0, 0);

    public bool IsFixed => Period == 0;

    /// <summary>How many shuffles have happened before training epoch <paramref name="epoch"/> (0-based): ⌊epoch / Period⌋.</summary>
    public int ShufflesBefore(int epoch) => IsFixed ? 0 : epoch / Period;

    /// <summary>
    /// The labels in force during <paramref name="epoch"/>: the originals until the first shuffle,
    /// then the originals permuted by the permutation of that shuffle's own seed (each shuffle
    /// draws a fresh image → label map, independent of the previous one, as relabelling from
    /// scratch does).
    /// </summary>
    public byte[] LabelsAt(IReadOnlyList<byte> original, int epoch)
    {
        int shuffle = ShufflesBefore(epoch);
        if (shuffle == 0) return [.. original];
        var p = SeededPermutation.Of(original.Count, Seed * 1_000_003UL + (ulong)shuffle);
        return p.Select(i => original[i]).ToArray();
    }
}
