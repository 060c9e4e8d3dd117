using ReDo.MinAtar.Random;
using ReDo.Pure.Agents;

namespace ReDo.Shell.Agents;

/// <summary>
/// Applies <see cref="ShiftAugmentation"/> in place to a batch of [C, H, W] samples, drawing each
/// sample's crop offsets from the agent's own generator (so a seed fixes the shifts and a checkpoint
/// resumes them). Offsets per sample: oy then ox.
/// </summary>
public sealed class BatchShift(int channels, int height, int width)
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
    }
}
