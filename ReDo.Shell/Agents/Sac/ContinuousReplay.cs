using ReDo.MinAtar.Random;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// Uniform FIFO replay of (s, a, r, s′, discount) for continuous actions (TF-Agents' uniform replay,
/// capacity 1 M in the paper). The discount is 0 after a termination and 1 otherwise, so a time-limit
/// truncation still bootstraps.
/// </summary>
public sealed class ContinuousReplay
{
    readonly float[] _obs, _next, _actions, _rewards, _discounts;

    public ContinuousReplay(int capacity, int observationSize, int actionSize)
    {
        Capacity = capacity; ObservationSize = observationSize; ActionSize = actionSize;
        _obs = new float[(long)capacity * observationSize];
        _next = new float[(long)capacity * observationSize];
        _actions = new float[(long)capacity * actionSize];
        _rewards = new float[capacity];
        _discounts = new float[capacity];
    }

    public int Capacity { get; }
    public int ObservationSize { get; }
    public int ActionSize { get; }
    public long AddCount { get; private set; }
    public int Count => (int)Math.Min(AddCount, Capacity);

    public void Add(ReadOnlySpan<double> observation, ReadOnlySpan<double> action, double reward, ReadOnlySpan<double> next, bool terminated)
    {
        int i = (int)(AddCount % Capacity);
        Copy(observation, _obs.AsSpan(i * ObservationSize, ObservationSize));
        Copy(action, _actions.AsSpan(i * ActionSize, ActionSize));
        Copy(next, _next.AsSpan(i * ObservationSize, ObservationSize));
        _rewards[i] = (float)reward;
        _discounts[i] = terminated ? 0f : 1f;
        AddCount++;
    }

    static void Copy(ReadOnlySpan<double> from, Span<float> to)
    {
        if (from.Length != to.Length) throw new ArgumentException($"expected {to.Length} values, got {from.Length}");
        for (int k = 0; k < to.Length; k++) to[k] = (float)from[k];
    }

    /// <summary>Fills a batch of uniformly drawn transitions (with replacement).</summary>
    public void Sample(RandomState random, int batch, float[] obs, float[] actions, float[] rewards, float[] next, float[] discounts)
    {
        if (Count == 0) throw new InvalidOperationException("the replay buffer is empty");
        for (int b = 0; b < batch; b++)
        {
            int i = random.RandInt(Count);
            _obs.AsSpan(i * ObservationSize, ObservationSize).CopyTo(obs.AsSpan(b * ObservationSize));
            _next.AsSpan(i * ObservationSize, ObservationSize).CopyTo(next.AsSpan(b * ObservationSize));
            _actions.AsSpan(i * ActionSize, ActionSize).CopyTo(actions.AsSpan(b * ActionSize));
            rewards[b] = _rewards[i];
            discounts[b] = _discounts[i];
        }
    }
}
