using ReDo.Pure.Games;
namespace ReDo.MinAtar;

/// <summary>
/// N environments of one game stepped together, writing straight into batch buffers. Environment i is
/// seeded with seed + i. A terminal environment is reset at once, so after a terminal step its slot holds
/// the first observation of the next episode (the terminal frame is not needed: its target is masked).
/// </summary>
public sealed class VectorEnv
{
    readonly MinAtarEnvironment[] _envs;

    public VectorEnv(GameId game, int count, uint seed, EnvironmentOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _envs = new MinAtarEnvironment[count];
        for (var i = 0; i < count; i++) _envs[i] = MinAtarEnvironment.Create(game, unchecked(seed + (uint)i), options);
    }

    public int Count => _envs.Length;
    public int Channels => _envs[0].Channels;
    public int ActionCount => _envs[0].ActionCount;

    /// <summary>Floats per environment in the observation buffer: C·100.</summary>
    public int ObservationSize => ObservationLayout.FloatCount(Channels);

    public MinAtarEnvironment this[int index] => _envs[index];

    /// <summary>Writes all current observations into <paramref name="observations"/> (N·C·100 floats).</summary>
    public void WriteObservations(Span<float> observations)
    {
        CheckLength(observations.Length, Count * ObservationSize, "observations");
        for (var i = 0; i < _envs.Length; i++) _envs[i].WriteObservation(observations.Slice(i * ObservationSize, ObservationSize));
    }

    /// <summary>One step of every environment; actions index the active action set.</summary>
    public void Step(ReadOnlySpan<int> actions, Span<float> observations, Span<float> rewards, Span<bool> terminals)
    {
        CheckLength(actions.Length, Count, "actions");
        CheckLength(rewards.Length, Count, "rewards");
        CheckLength(terminals.Length, Count, "terminals");
        CheckLength(observations.Length, Count * ObservationSize, "observations");
        for (var i = 0; i < _envs.Length; i++)
        {
            var env = _envs[i];
            var result = env.Act(actions[i]);
            rewards[i] = result.Reward;
            terminals[i] = result.Terminal;
            if (result.Terminal) env.Reset();
            env.WriteObservation(observations.Slice(i * ObservationSize, ObservationSize));
        }
    }

    static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected) throw new ArgumentException($"{name} holds {actual} values; this VectorEnv needs {expected}.", name);
    }
}
