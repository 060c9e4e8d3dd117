using System.Collections.Immutable;
using System.Text;
using ReDo.MinAtar;

namespace ReDo.Shell.Play;

/// <summary>Draws one observation as 10 text rows in a border, one character per cell, optionally in ANSI colour.</summary>
public static class TerminalFrame
{
    const string Reset = "\u001b[0m";

    /// <summary>Colour only on a terminal, and not when NO_COLOR is set (https://no-color.org).</summary>
    public static bool ColourWanted() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static string Draw(ImmutableArray<Glyph> glyphs, in ObservationPlanes planes, bool colour)
    {
        var text = new StringBuilder();
        text.Append('+').Append('-', Grid.Size).AppendLine("+");
        for (var y = 0; y < Grid.Size; y++)
        {
            text.Append('|');
            for (var x = 0; x < Grid.Size; x++)
            {
                var g = Glyphs.At(glyphs, planes, x, y);
                if (g is null) text.Append(' ');
                else if (colour) text.Append($"\u001b[1;38;2;{g.R};{g.G};{g.B}m{g.Symbol}{Reset}");
                else text.Append(g.Symbol);
            }
            text.AppendLine("|");
        }
        text.Append('+').Append('-', Grid.Size).Append('+');
        return text.ToString();
    }

    /// <summary>The legend line: symbol = channel name, in priority order.</summary>
    public static string Legend(GameInfo game, ImmutableArray<Glyph> glyphs) =>
        string.Join("  ", glyphs.Select(g => $"{g.Symbol} {game.ChannelNames[g.Channel]}"));
}
