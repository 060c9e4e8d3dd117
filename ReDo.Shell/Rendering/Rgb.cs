namespace ReDo.Shell.Rendering;

public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb White = new(255, 255, 255);
    public static readonly Rgb Black = new(0, 0, 0);
    public static readonly Rgb Grey = new(110, 110, 110);
    public static readonly Rgb LightGrey = new(228, 228, 228);

    /// <summary>This colour mixed towards white: <paramref name="amount"/> 0 keeps it, 1 gives white.</summary>
    public Rgb Lighter(double amount)
    {
        byte Mix(byte c) => (byte)Math.Round(c + (255 - c) * amount);
        return new(Mix(R), Mix(G), Mix(B));
    }
}

/// <summary>Distinct line colours (Tableau 10), by series index; wraps after ten.</summary>
public static class Palette
{
    static readonly Rgb[] Colours =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    public static Rgb Colour(int index) => Colours[((index % Colours.Length) + Colours.Length) % Colours.Length];
}
