using System.Runtime.CompilerServices;

namespace ReDo.MinAtar;

/// <summary>
/// One observation as up to 10 channel bitboards (bit y·10 + x per channel). Games paint into it; the
/// layouts in <see cref="ObservationLayout"/> turn it into floats, bits or the trace's packed booleans.
/// </summary>
public struct ObservationPlanes
{
    public const int MaxChannels = 10;

    [InlineArray(MaxChannels)]
    struct Planes
    {
        UInt128 _first;
    }

    Planes _planes;

    public void Clear() => ((Span<UInt128>)_planes).Clear();

    public readonly UInt128 this[int channel] => _planes[channel];

    public void Set(int channel, int x, int y) => _planes[channel] |= Grid.Bit(x, y);

    public void Or(int channel, UInt128 cells) => _planes[channel] |= cells;

    public readonly bool Get(int channel, int x, int y) => Grid.Has(_planes[channel], x, y);
}
