using System.Globalization;

namespace ReDo.Pure.Metrics.Plotting;

/// <summary>Short tick labels: k / M / G suffixes for large values, as many decimals as the step needs.</summary>
public static class TickLabel
{
    public static string Format(double value, double step)
    {
        if (value == 0) return "0";
        double magnitude = Math.Max(Math.Abs(value), step);
        var (divisor, suffix) = magnitude >= 1e9 ? (1e9, "G") : magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e4 ? (1e3, "k") : (1.0, "");
        double scaledStep = step / divisor;
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(scaledStep) - 1e-9), 0, 10);
        // 2.5-steps need one digit more than their power of ten.
        if (decimals < 10 && Math.Abs(Math.Round(scaledStep * Math.Pow(10, decimals)) - scaledStep * Math.Pow(10, decimals)) > 1e-6) decimals++;
        return (value / divisor).ToString("F" + decimals, CultureInfo.InvariantCulture) + suffix;
    }
}
