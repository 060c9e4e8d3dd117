using System.Collections.Immutable;
using ReDo.MinAtar;
using ReDo.Pure.Games;

namespace ReDo.Shell.Play;

/// <summary>How one channel looks: a character for the terminal and a colour for both terminal and PNG.</summary>
public sealed record Glyph(int Channel, char Symbol, byte R, byte G, byte B);

/// <summary>
/// One glyph per channel, listed most important first: where channels overlap (a ball on its own trail,
/// aliens in both the alien and the direction channel) the first listed one is drawn.
/// </summary>
public static class Glyphs
{
    public static ImmutableArray<Glyph> Of(GameId game) => game switch
    {
        GameId.Asterix => [new(0, '@', 255, 220, 0), new(1, 'E', 230, 40, 40), new(3, '$', 255, 170, 0), new(2, '.', 120, 120, 120)],
        GameId.Breakout => [new(0, '=', 0, 200, 255), new(1, 'o', 255, 255, 255), new(3, '#', 220, 60, 40), new(2, '.', 120, 120, 120)],
        GameId.Freeway =>
        [
            new(0, 'C', 255, 220, 0), new(1, '#', 230, 40, 40), new(2, '1', 90, 90, 90), new(3, '2', 110, 110, 110),
            new(4, '3', 130, 130, 130), new(5, '4', 150, 150, 150), new(6, '5', 170, 170, 170),
        ],
        GameId.Seaquest =>
        [
            new(0, 'S', 255, 220, 0), new(1, 's', 200, 170, 0), new(6, 'E', 230, 40, 200), new(5, 'f', 230, 40, 40),
            new(9, 'D', 40, 200, 80), new(2, '-', 255, 255, 255), new(4, '*', 255, 100, 60), new(7, '~', 0, 200, 255),
            new(8, 'd', 40, 160, 60), new(3, '.', 120, 120, 120),
        ],
        GameId.SpaceInvaders =>
        [
            new(0, 'A', 0, 200, 255), new(2, '<', 40, 220, 80), new(3, '>', 40, 220, 80), new(1, 'W', 40, 220, 80),
            new(5, '!', 255, 80, 60), new(4, '|', 255, 255, 255),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(game), game, "not a MinAtar game"),
    };

    /// <summary>The glyph shown at a cell, or null for an empty cell.</summary>
    public static Glyph? At(ImmutableArray<Glyph> glyphs, in ObservationPlanes planes, int x, int y)
    {
        foreach (var g in glyphs)
            if (planes.Get(g.Channel, x, y)) return g;
        return null;
    }
}
