using ReDo.NumPyRandom;

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

    /// <summary>The filled part, for checkpoints: add count, sizes, then the arrays.</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(AddCount); w.Write(Capacity); w.Write(ObservationSize); w.Write(ActionSize);
        int n = Count;
        foreach (var (array, width) in Arrays) foreach (var x in array.AsSpan(0, n * width)) w.Write(x);
    }

    public void Load(BinaryReader r)
    {
        long addCount = r.ReadInt64();
        int capacity = r.ReadInt32(), observations = r.ReadInt32(), actions = r.ReadInt32();
        if (capacity != Capacity || observations != ObservationSize || actions != ActionSize)
            throw new InvalidDataException($"the checkpoint's replay buffer holds {capacity} transitions of {observations} observations and {actions} actions, this agent's {Capacity}, {ObservationSize} and {ActionSize}; resume with the config the run was started with");
        AddCount = addCount;
        int n = Count;
        foreach (var (array, width) in Arrays) for (int i = 0; i < n * width; i++) array[i] = r.ReadSingle();
    }

    (float[] Array, int Width)[] Arrays => [(_obs, ObservationSize), (_next, ObservationSize), (_actions, ActionSize), (_rewards, 1), (_discounts, 1)];
}
