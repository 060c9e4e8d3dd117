using System.Globalization;

namespace ReDo.Pure.Metrics;

/// <summary>
/// Doubles in metrics.csv: shortest round-trip decimal ("R", invariant culture), so the text is
/// deterministic and reads back bit-identically. NaN ("nothing to report") is an empty field;
/// reading also accepts "nan" / "NaN". Every NaN reads back as <see cref="double.NaN"/>.
/// </summary>
public static class NumberText
{
    public static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The value, NaN for an empty field, or null when the text is not a number.</summary>
    public static double? Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("nan", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
