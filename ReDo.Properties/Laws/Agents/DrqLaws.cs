using FsCheck;
using FsCheck.Fluent;
using ReDo.NumPyRandom;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Shell.Agents;
using Xunit;

namespace ReDo.Properties.Laws.Agents;

/// <summary>DrQ(ε)'s augmentation (docs/drq.md): the random shift is a crop of the edge-padded input, one per sample, fixed by the seed; intensity noise scales each shifted sample by one bounded factor.</summary>
public class DrqLaws
{
    /// <summary>The edge-padded plane built independently: every padded cell copies the nearest input cell.</summary>
    static float Padded(float[] input, int c, int h, int w, int py, int px)
    {
        int y = py - 1, x = px - 1;
        while (y < 0) y++;
        while (y >= h) y--;
        while (x < 0) x++;
        while (x >= w) x--;
        return input[c * h * w + y * w + x];
    }

    static Gen<(int C, int H, int W, float[] Input)> Planes() =>
        from c in Gen.Choose(1, 4)
        from h in Gen.Choose(1, 10)
        from w in Gen.Choose(1, 10)
        from values in Gen.ArrayOf(Gen.Choose(0, 1).Select(v => (float)v), c * h * w)
        select (c, h, w, values);

    [Law(Runs = 500)]
    public Property Every_shifted_sample_is_a_crop_of_the_edge_padded_input() =>
        Prop.ForAll(Planes().ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (p, oy, ox) =>
        {
            var output = new float[p.Input.Length];
            ShiftAugmentation.Crop(p.Input, p.C, p.H, p.W, oy, ox, output);
            for (int c = 0; c < p.C; c++)
                for (int y = 0; y < p.H; y++)
                    for (int x = 0; x < p.W; x++)
                        Assert.Equal(Padded(p.Input, c, p.H, p.W, y + oy, x + ox), output[c * p.H * p.W + y * p.W + x]);
        });

    [Law(Runs = 500)]
    public Property Shifts_move_no_cell_further_than_one() =>
        Prop.ForAll(Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(0, 11).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (size, y, offset) =>
        {
            if (y >= size) return;
            int source = ShiftAugmentation.Source(y, offset, size);
            Assert.InRange(source, Math.Max(0, y - 1), Math.Min(size - 1, y + 1));
        });

    /// <summary>The batch shift draws from the agent's generator only: a seed fixes it; each sample gets one of the 9 crops, the same for all its channels.</summary>
    [Law(Runs = 100)]
    public Property Batch_shift_is_a_per_sample_crop_fixed_by_the_seed(int seed) =>
        Prop.ForAll(Gen.Choose(1, 6).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (batch, channels) =>
        {
            const int side = 10;
            int sample = channels * side * side;
            var source = new RandomState((uint)seed);
            var input = new float[batch * sample];
            for (int i = 0; i < input.Length; i++) input[i] = source.RandInt(2);
            float[] Shifted(uint s) { var b = (float[])input.Clone(); new BatchAugmentation(channels, side, side).Apply(b, new RandomState(s)); return b; }
            var once = Shifted((uint)seed);
            Assert.Equal(once, Shifted((uint)seed));
            for (int b = 0; b < batch; b++)
            {
                var x = input.AsSpan(b * sample, sample).ToArray();
                var y = once.AsSpan(b * sample, sample).ToArray();
                var crops = Enumerable.Range(0, 9).Select(k =>
                {
                    var o = new float[sample];
                    ShiftAugmentation.Crop(x, channels, side, side, k / 3, k % 3, o);
                    return o;
                });
                Assert.Contains(crops, o => o.SequenceEqual(y));
            }
        });

    /// <summary>
    /// Intensity noise on (docs/drq.md): every output sample is its shift-only output (same seed) times
    /// one factor in [1 − 2·scale, 1 + 2·scale] ([0.9, 1.1] at the reference's 0.05); off, the output is
    /// exactly the shift-only output and the generator is left where the shift leaves it.
    /// </summary>
    [Law(Runs = 200)]
    public Property Intensity_noise_scales_each_shifted_sample_by_one_bounded_factor(int seed) =>
        Prop.ForAll(Gen.Choose(1, 6).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(0, 25).ToArbitrary(), (batch, channels, percent) =>
        {
            const int side = 10;
            double scale = percent == 0 ? IntensityNoise.ReferenceScale : percent / 100.0;
            int sample = channels * side * side;
            var source = new RandomState((uint)seed);
            var input = new float[batch * sample];
            for (int i = 0; i < input.Length; i++) input[i] = source.RandInt(2);
            (float[] Output, double Next) Augmented(double s)
            {
                var b = (float[])input.Clone();
                var random = new RandomState((uint)seed);
                new BatchAugmentation(channels, side, side, s).Apply(b, random);
                return (b, random.Rand());
            }
            var (shifted, afterShift) = Augmented(0);
            var generator = new RandomState((uint)seed);
            var expected = new float[input.Length];   // the shift alone, built from the crop and two offset draws per sample
            for (int b = 0; b < batch; b++)
            {
                int oy = generator.RandInt(ShiftAugmentation.Offsets), ox = generator.RandInt(ShiftAugmentation.Offsets);
                ShiftAugmentation.Crop(input.AsSpan(b * sample, sample), channels, side, side, oy, ox, expected.AsSpan(b * sample, sample));
            }
            Assert.Equal(expected, shifted);
            Assert.Equal(generator.Rand(), afterShift);

            var (noisy, _) = Augmented(scale);
            for (int b = 0; b < batch; b++)
            {
                var y = shifted.AsSpan(b * sample, sample).ToArray();
                var z = noisy.AsSpan(b * sample, sample).ToArray();
                int one = Array.IndexOf(y, 1f);
                if (one < 0) { Assert.Equal(y, z); continue; }   // an all-zero sample stays zero whatever the factor
                float factor = z[one];
                Assert.InRange(factor, (float)(1 - 2 * scale), (float)(1 + 2 * scale));
                Assert.Equal(y.Select(v => v * factor), z);
            }
        });
}
