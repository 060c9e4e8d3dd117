using ReDo.Recycling.Networks;

namespace ReDo.Shell.Analyses;

/// <summary>One condition of a fixed-data comparison: the network that trains and its update (which returns the loss).</summary>
public sealed record FixedDataCondition(IRecyclableNetwork Network, Func<long, float> Update);

/// <summary>
/// What one condition builds (generators, networks, optimizer, batches), disposed in reverse order when the
/// condition ends, so each condition holds only its own tensors, as a <c>using</c> per object did.
/// </summary>
public sealed class ConditionScope : IDisposable
{
    readonly Stack<IDisposable> owned = new();

    public T Own<T>(T item) where T : IDisposable
    {
        owned.Push(item);
        return item;
    }

    public void Dispose()
    {
        while (owned.Count > 0) owned.Pop().Dispose();
    }
}

/// <summary>Where a comparison writes: <c>{Stem}.csv</c>, <c>{Stem}-dormant.png</c> and <c>{Stem}-loss.png</c> in <paramref name="Folder"/>.</summary>
public sealed record FixedDataOutput(string Folder, string Stem, string Title, string LossLabel);
