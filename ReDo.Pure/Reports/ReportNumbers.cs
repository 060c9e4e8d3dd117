using System.Globalization;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>How reports print a statistic and its interval, so an experiment's report and a study's verdicts read the same numbers the same way.</summary>
public static class ReportNumbers
{
    /// <summary>Up to three decimals, invariant culture; "—" for a value that does not exist (NaN).</summary>
    public static string Number(double v) => double.IsNaN(v) ? "—" : v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>"0.395 [0.37, 0.415]": the point estimate, then its interval.</summary>
    public static string Interval(IntervalEstimate e) => $"{Number(e.Point)} [{Number(e.Lower)}, {Number(e.Upper)}]";
}
