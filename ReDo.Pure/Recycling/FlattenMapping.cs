using ReDo.Pure.Networks;

namespace ReDo.Pure.Recycling;

/// <summary>How a conv channel's outgoing weights are found among the next Linear's input columns.</summary>
[System.ComponentModel.TypeConverter(typeof(Config.ConfigNameConverter<FlattenMapping>))]
public enum FlattenMapping
{
    /// <summary>Channel c owns columns c·HW … c·HW + HW − 1 (correct for an NCHW flatten). Default.</summary>
    ChannelsFirst,
    /// <summary>
    /// Reproduces the reference code's mismatch (docs/specs/redo-algorithm.md §5.1): it masks HWC-flattened rows
    /// ⌊r / HW⌋ as if they were channel-major, so in NCHW column j = (c', p) is masked for channel
    /// ⌊(p·C + c') / HW⌋. Use only to compare with published numbers.
    /// </summary>
    DopamineCompat,
}

public static class FlattenColumns
{
    /// <summary>The consumer's input columns that a set of recycled conv channels maps to, ascending.</summary>
    public static IEnumerable<int> For(FlattenSpec geometry, IReadOnlyCollection<int> channels, FlattenMapping mapping)
    {
        int hw = geometry.SpatialSize, c = geometry.Channels;
        var set = channels as ISet<int> ?? channels.ToHashSet();
        for (int j = 0; j < geometry.Features; j++)
        {
            int channelOfColumn = j / hw, position = j % hw;
            int owner = mapping == FlattenMapping.ChannelsFirst ? channelOfColumn : (position * c + channelOfColumn) / hw;
            if (set.Contains(owner)) yield return j;
        }
    }
}
