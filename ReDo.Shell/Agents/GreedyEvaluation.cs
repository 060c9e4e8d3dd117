using ReDo.MinAtar;
using ReDo.NumPyRandom;
using ReDo.Pure.Games;

namespace ReDo.Shell.Agents;

/// <summary>
/// Plays whole episodes with ε-greedy actions of the agent's online network on environments seeded
/// apart from training (seed + 1,000,003), so that evaluations of different agents (or of the random
/// policy, ε = 1) see the same episodes' randomness. Episodes are capped at <see cref="MaxEpisodeSteps"/>.
/// </summary>
public static class GreedyEvaluation
{
    public const int MaxEpisodeSteps = 100_000;
    public const uint SeedOffset = 1_000_003;

    /// <summary>The agent's ε-greedy policy and the uniform random policy (ε = 1) over the same episodes' seeds.</summary>
    /// <remarks><paramref name="channels"/>: the network's input channels when they exceed the game's (a game cycle pads every game to the widest), 0 = the game's own.</remarks>
    public static (double Greedy, double Random) AgainstRandom(DqnAgent agent, GameId game, EnvironmentOptions options, int seed, int episodes, double epsilon, int channels = 0) =>
        (MeanReturn(agent, game, options, seed, episodes, epsilon, channels), MeanReturn(agent, game, options, seed, episodes, 1.0, channels));

    public static double MeanReturn(DqnAgent agent, GameId game, EnvironmentOptions options, int seed, int episodes, double epsilon, int channels = 0)
    {
        if (episodes <= 0) return double.NaN;
        var env = MinAtarEnvironment.Create(game, (uint)seed + SeedOffset, options);
        var random = new RandomState((uint)seed + SeedOffset);
        // The game's planes are a prefix of a padded observation; the padding channels stay zero.
        var observation = new float[ObservationLayout.FloatCount(Math.Max(channels, env.Channels))];
        double total = 0;
        for (int e = 0; e < episodes; e++) total += Play(agent, env, random, epsilon, observation);
        return total / episodes;
    }

    /// <summary>
    /// One episode on an environment and an ε generator both seeded with <paramref name="seed"/>, so two
    /// networks given the same seed meet the same episode randomness (the paired comparison of paper Fig. 6).
    /// </summary>
    public static double EpisodeReturn(DqnAgent agent, GameId game, EnvironmentOptions options, uint seed, double epsilon)
    {
        var env = MinAtarEnvironment.Create(game, seed, options);
        return Play(agent, env, new RandomState(seed), epsilon, new float[ObservationLayout.FloatCount(env.Channels)]);
    }

    static double Play(DqnAgent agent, MinAtarEnvironment env, RandomState random, double epsilon, float[] observation)
    {
        double total = 0;
        env.Reset();
        for (int t = 0; t < MaxEpisodeSteps; t++)
        {
            env.WriteObservation(observation);
            var result = env.Act(agent.Act(observation, epsilon, random));
            total += result.Reward;
            if (result.Terminal) break;
        }
        return total;
    }
}
