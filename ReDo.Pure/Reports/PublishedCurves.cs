using System.Globalization;

namespace ReDo.Pure.Reports;

/// <summary>One digitized point of the MinAtar paper's learning curves (ReDo.Golden/data/published/README.md); NaN where unreadable.</summary>
public sealed record PublishedPoint(string Game, string Method, double FramesMillions, double MeanReturn);

/// <summary>The digitized MinAtar curves (Young &amp; Tian 2019): file <c>game,method,frames_millions,mean_return</c>.</summary>
public sealed record PublishedCurves(IReadOnlyList<PublishedPoint> Points)
{
    public const string Header = "game,method,frames_millions,mean_return";

    public static PublishedCurves Parse(string text, string source)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Length == 0 || lines[0] != Header) throw new FormatException($"{source}: the first line must be '{Header}'");
        var points = new List<PublishedPoint>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 4 || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                throw new FormatException($"{source}, line {i + 1}: expected {Header}");
            double y = f[3].Length == 0 ? double.NaN
                : double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"{source}, line {i + 1}: mean_return '{f[3]}' is not a number");
            points.Add(new PublishedPoint(f[0], f[1], x, y));
        }
        return new PublishedCurves(points);
    }

    /// <summary>The method's value at exactly <paramref name="framesMillions"/> (NaN if unreadable or absent).</summary>
    public double At(string game, string method, double framesMillions) =>
        Points.FirstOrDefault(p => p.Game == game && p.Method == method && Math.Abs(p.FramesMillions - framesMillions) < 1e-9)?.MeanReturn ?? double.NaN;

    /// <summary>The normalisation reference: the published MinAtar DQN at 5 M frames.</summary>
    public double Reference(string game) => At(game, "dqn", 5.0);
}
