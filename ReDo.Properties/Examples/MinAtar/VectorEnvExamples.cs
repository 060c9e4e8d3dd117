using ReDo.MinAtar;
using Xunit;
using ReDo.Pure.Games;

namespace ReDo.Properties.Examples.MinAtar;

public class VectorEnvExamples
{
    [Fact]
    public void Each_slot_matches_a_single_environment_seeded_seed_plus_index_with_reset_on_terminal()
    {
        const int n = 3;
        var envs = new VectorEnv(GameId.Breakout, n, 40);
        var singles = Enumerable.Range(0, n).Select(i => MinAtarEnvironment.Create(GameId.Breakout, 40 + (uint)i)).ToArray();
        var obs = new float[n * envs.ObservationSize];
        var expected = new float[envs.ObservationSize];
        var rewards = new float[n];
        var terminals = new bool[n];
        var random = new global::ReDo.NumPyRandom.RandomState(9);
        var sawTerminal = false;
        for (var step = 0; step < 300; step++)
        {
            var actions = Enumerable.Range(0, n).Select(_ => random.RandInt(6)).ToArray();
            envs.Step(actions, obs, rewards, terminals);
            for (var i = 0; i < n; i++)
            {
                var r = singles[i].Act(actions[i]);
                if (r.Terminal) singles[i].Reset();
                singles[i].WriteObservation(expected);
                Assert.Equal(r.Reward, rewards[i]);
                Assert.Equal(r.Terminal, terminals[i]);
                Assert.Equal(expected, obs.AsSpan(i * envs.ObservationSize, envs.ObservationSize).ToArray());
                sawTerminal |= r.Terminal;
            }
        }
        Assert.True(sawTerminal);
    }

    [Fact]
    public void Buffers_of_the_wrong_size_are_rejected()
    {
        var envs = new VectorEnv(GameId.Asterix, 2, 0);
        var e = Assert.Throws<ArgumentException>(() => envs.Step(new int[2], new float[399], new float[2], new bool[2]));
        Assert.Contains("800", e.Message);
    }

    [Fact]
    public void A_hundred_thousand_transitions_fit_in_50_MB_in_the_compact_form()
    {
        // A transition stores observation and next observation; Seaquest (10 channels) is the largest.
        foreach (var game in GameInfo.All)
            Assert.True(100_000L * 2 * ObservationLayout.ByteCount(game.Channels) <= 50_000_000, game.Name);
        Assert.Equal(125, ObservationLayout.ByteCount(10));
    }
}
