using System.Collections.Immutable;

namespace ReDo.NumPyRandom;

/// <summary>
/// The complete state of a <see cref="RandomState"/> (NumPy's <c>get_state()</c> minus the unused
/// Gaussian cache): the 624-word key and the position of the next word. Equal by content.
/// </summary>
public sealed record RandomStateSnapshot(ImmutableArray<uint> Key, int Position)
{
    public bool Equals(RandomStateSnapshot? other) =>
        other is not null && Position == other.Position && Key.AsSpan().SequenceEqual(other.Key.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Position, Key.Length == 0 ? 0 : Key[0]);
}
