using ReDo.NumPyRandom;
using ReDo.Pure.Agents;
using ReDo.MinAtar;

namespace ReDo.Shell.Agents;

/// <summary>
/// Circular uniform replay of MinAtar transitions. Each entry holds s_t (bit-packed, C·100 bits),
/// a_t, r_t and whether the episode ended at t; s_{t+n} is the observation stored n entries later, so
/// every frame is stored once. Sampling is seeded (MT19937 shared with the agent) and fills
/// caller-owned batch buffers without allocating.
/// </summary>
public sealed class ReplayBuffer
{
    readonly int _obsBytes;
    readonly byte[] _observations;
    readonly byte[] _actions;
    readonly float[] _rewards;
    readonly bool[] _terminals;

    public int Capacity { get; }
    public int Channels { get; }
    /// <summary>Transitions ever added (Dopamine's add_count).</summary>
    public long AddCount { get; private set; }

    public ReplayBuffer(int capacity, int channels)
    {
        Capacity = capacity;
        Channels = channels;
        _obsBytes = ObservationLayout.ByteCount(channels);
        _observations = new byte[(long)capacity * _obsBytes];
        _actions = new byte[capacity];
        _rewards = new float[capacity];
        _terminals = new bool[capacity];
    }

    /// <summary>Bytes held by the buffer's arrays.</summary>
    public long MemoryBytes => _observations.LongLength + _actions.Length + _rewards.Length * sizeof(float) + _terminals.Length;

    /// <summary>Stores (s_t as bits, a_t, r_t, terminal_t).</summary>
    public void Add(ReadOnlySpan<byte> observationBits, int action, float reward, bool terminal)
    {
        int slot = (int)(AddCount % Capacity);
        observationBits[.._obsBytes].CopyTo(_observations.AsSpan(slot * _obsBytes, _obsBytes));
        _actions[slot] = (byte)action;
        _rewards[slot] = reward;
        _terminals[slot] = terminal;
        AddCount++;
    }

    /// <summary>Transitions whose s_{t+n} is already stored (the newest n cannot be sampled yet).</summary>
    public long SampleableCount(int horizon) => Math.Max(0, Math.Min(AddCount, Capacity) - horizon);

    /// <summary>
    /// Draws <paramref name="batch"/> indices uniformly and writes s, a, n-step return, s′ and the
    /// bootstrap discount (γⁿ, or 0 if a terminal came first) into the spans.
    /// </summary>
    public void Sample(RandomState random, int batch, int horizon, double discount,
        Span<float> states, Span<long> actions, Span<float> returns, Span<float> nextStates, Span<float> bootstrapDiscounts)
    {
        long count = SampleableCount(horizon);
        if (count < 1) throw new InvalidOperationException($"the replay buffer holds {AddCount} transitions; {horizon + 1} are needed to sample");
        long oldest = Math.Max(0, AddCount - Capacity);
        int floats = ObservationLayout.FloatCount(Channels);
        Span<float> rewards = stackalloc float[horizon];
        Span<bool> terminals = stackalloc bool[horizon];
        for (int b = 0; b < batch; b++)
        {
            long t = oldest + random.RandInt(0L, count);
            ObservationLayout.ExpandBits(Observation(t), Channels, states.Slice(b * floats, floats));
            actions[b] = _actions[Slot(t)];
            for (int k = 0; k < horizon; k++) { rewards[k] = _rewards[Slot(t + k)]; terminals[k] = _terminals[Slot(t + k)]; }
            var (g, _, d) = NStepReturn.Of(rewards, terminals, discount);
            returns[b] = (float)g;
            bootstrapDiscounts[b] = (float)d;
            ObservationLayout.ExpandBits(Observation(t + horizon), Channels, nextStates.Slice(b * floats, floats));
        }
    }

    /// <summary>
    /// Only the states, for a probe batch (drawn separately from training batches), from the same
    /// valid transitions a training batch may use: never the newest <paramref name="horizon"/>, whose
    /// n-step future is not stored yet (the reference samples its probe as a replay batch).
    /// </summary>
    public void SampleStates(RandomState random, int batch, int horizon, Span<float> states)
    {
        long count = SampleableCount(horizon);
        if (count < 1) throw new InvalidOperationException($"the replay buffer holds {AddCount} transitions; {horizon + 1} are needed to sample");
        long oldest = Math.Max(0, AddCount - Capacity);
        int floats = ObservationLayout.FloatCount(Channels);
        for (int b = 0; b < batch; b++)
            ObservationLayout.ExpandBits(Observation(oldest + random.RandInt(0L, count)), Channels, states.Slice(b * floats, floats));
    }

    int Slot(long t) => (int)(t % Capacity);
    ReadOnlySpan<byte> Observation(long t) => _observations.AsSpan(Slot(t) * _obsBytes, _obsBytes);

    /// <summary>The raw arrays, for checkpoints: the shell saves and restores them as they are.</summary>
    public (byte[] Observations, byte[] Actions, float[] Rewards, bool[] Terminals) Storage => (_observations, _actions, _rewards, _terminals);
    public void RestoreCount(long addCount) => AddCount = addCount;
}
