using ReDo.NumPyRandom;
using ReDo.Pure.Agents;

namespace ReDo.Shell.Agents;

/// <summary>
/// DrQ's augmentation of a batch of [C, H, W] samples, in place (docs/drq.md): first every sample's
/// <see cref="ShiftAugmentation"/> crop (offsets oy then ox per sample), then, if the intensity scale
/// is above 0, every sample times one <see cref="IntensityNoise"/> factor (two uniforms per sample).
/// All draws come from the agent's own generator, so a seed fixes them and a checkpoint resumes them;
/// at scale 0 no factor is drawn and the output and the generator's state are the shift's alone.
/// </summary>
public sealed class BatchAugmentation(int channels, int height, int width, double intensityScale = 0.0)
{
    readonly float[] _scratch = new float[channels * height * width];

    public void Apply(Span<float> batch, RandomState random)
    {
        int sample = _scratch.Length;
        for (int start = 0; start + sample <= batch.Length; start += sample)
        {
            int oy = random.RandInt(ShiftAugmentation.Offsets), ox = random.RandInt(ShiftAugmentation.Offsets);
            var s = batch.Slice(start, sample);
            s.CopyTo(_scratch);
            ShiftAugmentation.Crop(_scratch, channels, height, width, oy, ox, s);
        }
        if (intensityScale <= 0) return;
        for (int start = 0; start + sample <= batch.Length; start += sample)
        {
            double u1 = random.Rand(), u2 = random.Rand();
            float factor = (float)IntensityNoise.Factor(intensityScale, u1, u2);
            foreach (ref float v in batch.Slice(start, sample))
                v *= factor;
        }
    }
}
