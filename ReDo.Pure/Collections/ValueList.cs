using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace ReDo.Pure.Collections;

/// <summary>
/// An immutable list with structural equality, so that records holding lists compare by content
/// (a spec inferred from a network equals the spec it was built from; a plan equals its twin).
/// </summary>
[JsonConverter(typeof(ValueListJsonConverter))]
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    readonly T[] _items;

    public static readonly ValueList<T> Empty = new([]);

    ValueList(T[] items) => _items = items;

    /// <summary>Copies the items, so later changes to the source do not leak in.</summary>
    public static ValueList<T> From(IEnumerable<T> items) => new(items.ToArray());

    public T this[int index] => _items[index];
    public int Count => _items.Length;
    public ReadOnlySpan<T> AsSpan() => _items;
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var x in _items) h.Add(x);
        return h.ToHashCode();
    }

    public override string ToString() =>
        "[" + string.Join(", ", _items.Length <= 16 ? _items : _items.Take(16)) + (_items.Length > 16 ? $", … ({_items.Length})" : "") + "]";

    public static bool operator ==(ValueList<T>? a, ValueList<T>? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(ValueList<T>? a, ValueList<T>? b) => !(a == b);
}

public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.From(items);
    /// <summary>Lets collection expressions (<c>[a, b, .. rest]</c>) build value lists.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => ValueList<T>.From(items.ToArray());
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.From(items);
}
