using System.Globalization;

namespace ReDo.Pure.Agents;

/// <summary>
/// What a replay buffer takes in memory: <see cref="TransitionBytes"/> per transition, and its widest
/// array (the observations) <see cref="RowElements"/> elements of <see cref="ElementBytes"/> bytes per
/// transition. One .NET array holds at most <see cref="MaxArrayLength"/> elements, which bounds the
/// capacity; a larger one is refused with the memory it would need, before anything is written.
/// </summary>
public sealed record ReplayMemory(int TransitionBytes, int RowElements, int ElementBytes)
{
    /// <summary>Array.MaxLength: the most elements one .NET array holds.</summary>
    public const long MaxArrayLength = 0x7FFFFFC7;

    /// <summary>MinAtar's replay: the bit-packed observation, an action byte, a float reward and a terminal flag.</summary>
    public static ReplayMemory MinAtar(int observationBytes) => new(observationBytes + 1 + sizeof(float) + 1, observationBytes, 1);

    /// <summary>SAC's replay: observation and next observation, action, reward and discount, all floats.</summary>
    public static ReplayMemory Continuous(int observationSize, int actionSize) =>
        new((2 * observationSize + actionSize + 2) * sizeof(float), observationSize, sizeof(float));

    /// <summary>The largest capacity whose widest array fits one array (and whose count fits an int).</summary>
    public long MaxCapacity => Math.Min(int.MaxValue, MaxArrayLength / RowElements);

    public long Bytes(long capacity) => capacity * TransitionBytes;

    /// <summary>Null when <paramref name="capacity"/> fits; otherwise the refusal in ConfigValidation's words ("key = value: allowed …").</summary>
    public string? Problem(string key, long capacity, string of) => capacity <= MaxCapacity ? null : string.Create(CultureInfo.InvariantCulture,
        $"{key} = {capacity}: allowed at most {MaxCapacity:N0} for {of} ({TransitionBytes} bytes a transition: {capacity:N0} transitions would need {GiB(Bytes(capacity))}, " +
        $"and their observations alone {GiB(capacity * RowElements * ElementBytes)}, more than the {GiB(MaxArrayLength * ElementBytes)} one array holds)");

    static string GiB(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB");
}
