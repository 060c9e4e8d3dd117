namespace ReDo.Pure.Agents;

/// <summary>
/// DrQ's random shift scaled to MinAtar's 10×10 planes (docs/drq.md). The reference pads an
/// 84×84 frame by 4 pixels with edge replication and crops 84×84 back at random (docs/specs/redo-algorithm.md §3.2); here the
/// pad is 1 cell and the crop offset (oy, ox) ∈ {0, 1, 2}², i.e. a shift of at most ±1 cell, the
/// same for every channel of a sample.
/// </summary>
public static class ShiftAugmentation
{
    public const int Pad = 1;
    /// <summary>Crop offsets per axis: 0 … 2·Pad.</summary>
    public const int Offsets = 2 * Pad + 1;

    /// <summary>The input row (or column) that output row <paramref name="y"/> copies: the edge-padded plane read at y + offset.</summary>
    public static int Source(int y, int offset, int size) => Math.Clamp(y + offset - Pad, 0, size - 1);

    /// <summary>output[c, y, x] = edge-padded input[c, y + oy, x + ox] for a [C, H, W] plane stack.</summary>
    public static void Crop(ReadOnlySpan<float> input, int channels, int height, int width, int offsetY, int offsetX, Span<float> output)
    {
        if (offsetY is < 0 or >= Offsets || offsetX is < 0 or >= Offsets)
            throw new ArgumentOutOfRangeException(nameof(offsetY), $"crop offsets ({offsetY}, {offsetX}) must be in 0 … {Offsets - 1}");
        int plane = height * width;
        if (input.Length != channels * plane || output.Length != input.Length)
            throw new ArgumentException($"input and output must hold {channels}×{height}×{width} values");
        for (int c = 0; c < channels; c++)
            for (int y = 0; y < height; y++)
            {
                int sy = Source(y, offsetY, height);
                for (int x = 0; x < width; x++)
                    output[c * plane + y * width + x] = input[c * plane + sy * width + Source(x, offsetX, width)];
            }
    }
}
