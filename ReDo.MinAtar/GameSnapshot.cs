using System.Collections.Immutable;
using ReDo.Pure.Games;

namespace ReDo.MinAtar;

/// <summary>
/// A game's complete state as plain integers: copyable, serialisable and equal by content.
/// The word layout is each game's own (its <c>Save</c>/<c>Load</c>).
/// </summary>
public sealed record GameSnapshot(GameId Game, ImmutableArray<int> Words)
{
    public bool Equals(GameSnapshot? other) =>
        other is not null && Game == other.Game && Words.AsSpan().SequenceEqual(other.Words.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Game, Words.Length);
}
