using System.Globalization;

namespace ReDo.Golden.SelfRegression;

/// <summary>
/// How the self-regression run's metrics.csv must match the committed one on any x86-64 processor.
/// With every dispatch pin in place, libtorch still sums a few floats in another order on another CPU
/// (docs/torch-rules.md, "The golden run on other processors"): the loss and the output change then
/// differ in the 7th–10th digit (at most 2.9e-5 relative over the first 9,000 frames between the
/// machine that wrote the file and a Sapphire Rapids one), and once such a difference flips a greedy
/// action the trajectory leaves the committed one (there at 9,500 frames). So: every column but
/// <see cref="FloatColumns"/> exactly and those to <see cref="RelativeTolerance"/>, on the rows up to
/// <see cref="ComparedFrames"/>. A real change to training is far outside that: a learning rate 0.4 %
/// off, a target period of 501 instead of 500 or an RMSprop ε of 0.0101 changed the loss by
/// 1e-4–8e-4 at 1,500 frames and the exactly compared columns (dormant shares, episodes) from 2,000 frames on.
/// </summary>
public static class GoldenMetrics
{
    public const long ComparedFrames = 5_000;
    public const double RelativeTolerance = 1e-3;
    public static readonly IReadOnlySet<string> FloatColumns = new HashSet<string> { "loss", "output_change" };

    /// <summary>The first difference that matters, in words, or null when the files agree as described above.</summary>
    public static string? FirstMismatch(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.Count == 0 || actual.Count == 0 || expected[0] != actual[0])
            return $"metrics.csv header differs from the committed self-regression file.\nexpected: {(expected.Count > 0 ? expected[0] : "<none>")}\nactual:   {(actual.Count > 0 ? actual[0] : "<none>")}";
        var columns = expected[0].Split(',');
        for (int i = 1; i < expected.Count; i++)
        {
            var e = expected[i].Split(',');
            if (long.Parse(e[0], CultureInfo.InvariantCulture) > ComparedFrames) break;
            if (i >= actual.Count) return $"metrics.csv ends at line {i}; the committed file goes on:\nexpected: {expected[i]}";
            var a = actual[i].Split(',');
            if (a.Length != e.Length) return Line(i, expected[i], actual[i], "a different number of columns");
            for (int c = 0; c < e.Length; c++)
            {
                if (e[c] == a[c]) continue;
                if (!FloatColumns.Contains(columns[c])) return Line(i, expected[i], actual[i], $"column {columns[c]} must match exactly");
                if (!Close(e[c], a[c])) return Line(i, expected[i], actual[i], $"column {columns[c]} differs by more than {RelativeTolerance:0e0} relative");
            }
        }
        return null;
    }

    static bool Close(string expected, string actual) =>
        double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
        && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && Math.Abs(a - e) <= RelativeTolerance * Math.Max(Math.Abs(e), 1e-12);

    static string Line(int i, string expected, string actual, string why) =>
        $"metrics.csv line {i + 1} differs from the committed self-regression file ({why}).\nexpected: {expected}\nactual:   {actual}";
}
