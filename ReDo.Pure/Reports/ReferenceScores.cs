using System.Globalization;

namespace ReDo.Pure.Reports;

/// <summary>One task's published reference score: the mean of the published per-seed values, and where they come from.</summary>
public sealed record ReferenceScore(string Game, double Return, IReadOnlyList<double> SeedValues, string Source);

/// <summary>
/// The normalisation references of games without a MinAtar curve (the MuJoCo tasks), file
/// <c>game,reference_return,seed_values,source</c>: the published per-seed values separated by ';',
/// their mean (checked: a typo in either is caught), and the source (the rest of the line, commas allowed).
/// </summary>
public static class ReferenceScores
{
    public const string Header = "game,reference_return,seed_values,source";

    public static IReadOnlyDictionary<string, ReferenceScore> Parse(string text, string source)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (lines.Length == 0 || lines[0] != Header) throw new FormatException($"{source}: the first line must be '{Header}'");
        var scores = new Dictionary<string, ReferenceScore>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',', 4);
            string where = $"{source}, line {i + 1}";
            if (f.Length != 4 || f[0].Length == 0 || f[3].Trim().Length == 0) throw new FormatException($"{where}: expected {Header} with a game name and a source");
            if (!double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var mean) || !double.IsFinite(mean))
                throw new FormatException($"{where}: reference_return '{f[1]}' is not a number");
            var seeds = new List<double>();
            foreach (var v in f[2].Split(';'))
                seeds.Add(double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x
                    : throw new FormatException($"{where}: seed value '{v}' is not a number (values are separated by ';')"));
            double actual = seeds.Average();
            if (Math.Abs(actual - mean) > 1e-9 * Math.Max(1, Math.Abs(mean)))
                throw new FormatException($"{where}: reference_return {f[1]} is not the mean of the seed values ({actual.ToString("R", CultureInfo.InvariantCulture)}); correct one of them");
            if (!scores.TryAdd(f[0], new ReferenceScore(f[0], mean, seeds, f[3].Trim())))
                throw new FormatException($"{where}: game '{f[0]}' appears twice");
        }
        return scores;
    }
}
