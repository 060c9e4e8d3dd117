using System.Globalization;
using System.Text;

namespace ReDo.Pure.Metrics;

/// <summary>
/// Fractions (0…1) written as percentages (0…100) that read back bit-identically. Multiplying by
/// 100 in binary and dividing back is not exact (it can move the last bit), so the percentage is
/// the fraction's shortest round-trip decimal with the decimal point moved two places right; reading
/// moves it back and parses the very decimal the fraction was printed as.
/// </summary>
public static class PercentText
{
    public static string FromFraction(double fraction) =>
        double.IsFinite(fraction) ? Shift(fraction.ToString("R", CultureInfo.InvariantCulture), 2) : NumberText.Format(fraction);

    /// <summary>The fraction, or null when <paramref name="percent"/> is not a number.</summary>
    public static double? ToFraction(string percent)
    {
        var value = NumberText.Parse(percent);
        // NaN and the infinities are spelt without digits; anything with digits is a decimal to shift
        // (even one too large for a double once multiplied by 100, e.g. the percentage of double.MaxValue).
        if (value is not { } v || double.IsNaN(v) || !percent.Any(char.IsAsciiDigit)) return value;
        return double.Parse(Shift(percent, -2), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Multiplies a decimal numeral by 10^places exactly, by moving its point (or its exponent).</summary>
    static string Shift(string numeral, int places)
    {
        var s = numeral.Trim();
        string sign = s.StartsWith('-') || s.StartsWith('+') ? s[..1] : "";
        s = s[sign.Length..];
        int e = s.IndexOfAny(['e', 'E']);
        int exponent = e < 0 ? 0 : int.Parse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? s : s[..e];
        int dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent + places;   // digits before the point
        var trimmed = digits.TrimStart('0');
        point -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0) return sign == "-" ? "-0" : "0";
        // Plain notation for the usual magnitudes, scientific for the rest (as "R" does).
        if (point > 15 || point < -4)
            return $"{sign}{digits[0]}{(digits.Length > 1 ? "." + digits[1..] : "")}E{(point - 1 >= 0 ? "+" : "-")}{Math.Abs(point - 1):00}";
        var b = new StringBuilder(sign);
        if (point <= 0) b.Append("0.").Append('0', -point).Append(digits);
        else if (point >= digits.Length) b.Append(digits).Append('0', point - digits.Length);
        else b.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        return b.ToString();
    }
}
