using ReDo.Properties.Generators;
using FsCheck.Xunit;
using ReDo.MinAtar;

namespace ReDo.Properties.Laws.MinAtar;

public class ObservationLaws
{
    /// <summary>An environment after a random number of random steps, so the frames have content.</summary>
    static MinAtarEnvironment Somewhere(byte game, uint seed, ushort steps)
    {
        var env = MinAtarEnvironment.Create(Play.Game(game), seed);
        Play.Record(env, Play.Random(seed, steps % 400));
        return env;
    }

    [Law]
    public bool Channels_first_is_the_boolean_state_transposed(byte game, uint seed, ushort steps)
    {
        var env = Somewhere(game, seed, steps);
        var c = env.Channels;
        var floats = new float[c * 100];
        env.WriteObservation(floats);
        var planes = new ObservationPlanes();
        env.Render(ref planes);
        var hwc = new bool[100 * c];
        ObservationLayout.WriteBooleanHwc(planes, c, hwc);
        for (var y = 0; y < 10; y++)
            for (var x = 0; x < 10; x++)
                for (var ch = 0; ch < c; ch++)
                    if (floats[ch * 100 + y * 10 + x] != (hwc[(y * 10 + x) * c + ch] ? 1f : 0f)) return false;
        return true;
    }

    [Law]
    public bool Compact_bits_expand_to_the_channels_first_floats(byte game, uint seed, ushort steps)
    {
        var env = Somewhere(game, seed, steps);
        var floats = new float[env.Channels * 100];
        env.WriteObservation(floats);
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        env.WriteObservationBits(bits);
        var expanded = new float[floats.Length];
        ObservationLayout.ExpandBits(bits, env.Channels, expanded);
        return floats.SequenceEqual(expanded);
    }

    [Law]
    public bool Trace_form_is_packbits_of_the_boolean_state(byte game, uint seed, ushort steps)
    {
        var env = Somewhere(game, seed, steps);
        var c = env.Channels;
        var planes = new ObservationPlanes();
        env.Render(ref planes);
        var hwc = new bool[100 * c];
        ObservationLayout.WriteBooleanHwc(planes, c, hwc);
        var packed = new byte[ObservationLayout.ByteCount(c)];
        env.WritePackedState(packed);
        // Every bit, the zero padding after the last cell included.
        return Enumerable.Range(0, packed.Length * 8)
            .All(k => (k < hwc.Length && hwc[k]) == ObservationLayout.PackedBit(packed, k));
    }

    [Law]
    public bool Observation_writes_leave_the_rest_of_the_buffer_alone(byte game, uint seed, ushort steps)
    {
        var env = Somewhere(game, seed, steps);
        var n = env.Channels * 100;
        var buffer = Enumerable.Repeat(7f, n + 16).ToArray();
        env.WriteObservation(buffer.AsSpan(8, n));
        return buffer.Take(8).All(v => v == 7f) && buffer.Skip(8 + n).All(v => v == 7f)
               && buffer.Skip(8).Take(n).All(v => v is 0f or 1f);
    }
}
