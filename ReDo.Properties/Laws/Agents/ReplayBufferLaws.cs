using ReDo.NumPyRandom;
using ReDo.Properties.Generators;
using FsCheck;
using FsCheck.Fluent;
using ReDo.MinAtar;
using ReDo.Shell.Agents;
using Xunit;
using ReDo.Pure.Games;

namespace ReDo.Properties.Laws.Agents;

public class ReplayBufferLaws
{
    /// <summary>The probe batch comes from valid transitions only: the newest (horizon) states, whose future is not stored yet, never.</summary>
    [Law(Runs = 50)]
    public Property Probe_states_never_include_the_newest_unfinished_transitions() =>
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(5, 40).ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), (horizon, capacity, extra) =>
        {
            const int channels = 2;
            var replay = new ReplayBuffer(capacity, channels);
            int adds = horizon + 1 + extra;
            var bits = new byte[ObservationLayout.ByteCount(channels)];
            for (int t = 0; t < adds; t++)
            {
                BitConverter.TryWriteBytes(bits, t);                  // observation t carries its index
                replay.Add(bits, 0, 0, false);
            }
            int floats = ObservationLayout.FloatCount(channels);
            var states = new float[256 * floats];
            replay.SampleStates(new RandomState((uint)adds), 256, horizon, states);
            var seen = new HashSet<int>();
            for (int b = 0; b < 256; b++)
            {
                int index = 0;
                for (int k = 0; k < 32; k++) if (states[b * floats + k] == 1f) index |= 1 << k;   // channel 0, bits LSB first
                seen.Add(index);
            }
            long oldest = Math.Max(0, adds - capacity), newestValid = adds - 1 - horizon;
            Assert.All(seen, t => Assert.InRange(t, oldest, newestValid));
            if (newestValid - oldest < 8) Assert.Equal(newestValid - oldest + 1, seen.Count);   // and every valid one can come up
        });

    /// <summary>
    /// Store a real MinAtar episode stream, sample, and check every sampled transition against the
    /// stream itself: s, a, the n-step return with terminal cut-off, s′ = the state n steps later.
    /// </summary>
    [Law(Runs = 30)]
    public Property Sampled_transitions_are_the_stored_ones(int seed) =>
        Prop.ForAll(Gen.Choose(1, 3).ToArbitrary(), Gen.Choose(20, 300).ToArbitrary(), (horizon, capacity) =>
        {
            var env = MinAtarEnvironment.Create(GameId.Breakout, (uint)Math.Abs(seed));
            var random = new RandomState(7);
            var replay = new ReplayBuffer(capacity, env.Channels);
            int floats = ObservationLayout.FloatCount(env.Channels);
            var frames = new List<float[]>();
            var log = new List<(int A, float R, bool T)>();
            var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
            for (int t = 0; t < capacity + 200; t++)
            {
                var obs = new float[floats];
                env.WriteObservation(obs);
                env.WriteObservationBits(bits);
                int a = random.RandInt(6);
                var r = env.Act(a);
                replay.Add(bits, a, r.Reward, r.Terminal);
                frames.Add(obs);
                log.Add((a, r.Reward, r.Terminal));
                if (r.Terminal) env.Reset();
            }
            const int batch = 16;
            var s = new float[batch * floats]; var s2 = new float[batch * floats];
            var acts = new long[batch]; var rets = new float[batch]; var disc = new float[batch];
            replay.Sample(new RandomState(11), batch, horizon, 0.9, s, acts, rets, s2, disc);
            long oldest = replay.AddCount - capacity;
            for (int b = 0; b < batch; b++)
            {
                // Find the stored index whose state and action match (states repeat, so match the whole transition).
                var candidates = Enumerable.Range((int)oldest, (int)(replay.AddCount - oldest - horizon)).Where(t =>
                    frames[t].AsSpan().SequenceEqual(s.AsSpan(b * floats, floats)) && log[t].A == acts[b] &&
                    frames[t + horizon].AsSpan().SequenceEqual(s2.AsSpan(b * floats, floats)));
                Assert.Contains(candidates, t =>
                {
                    double g = 0, d = 1; bool done = false;
                    for (int k = 0; k < horizon && !done; k++) { g += d * log[t + k].R; d *= 0.9; done = log[t + k].T; }
                    return Math.Abs(g - rets[b]) < 1e-5 && Math.Abs((done ? 0 : d) - disc[b]) < 1e-6;
                });
            }
        });
}
