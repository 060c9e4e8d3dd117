using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics.Plotting;

public readonly record struct ChartPoint(double X, double Y);

/// <summary>
/// One line of a chart. <see cref="Colour"/> indexes the renderer's palette; a faint series (raw
/// values under their moving average) is drawn light and thin; a dashed one is thin and dashed (a
/// breakdown, such as one layer, under the overall line); a null legend keeps it out of the legend.
/// </summary>
public sealed record ChartSeries(string? Legend, ValueList<ChartPoint> Points, int Colour, bool Faint = false, bool Dashed = false);

/// <summary>A line chart: title, axis labels, series; optional fixed y range (e.g. 0…100 %).</summary>
public sealed record ChartSpec(string Title, string XLabel, string YLabel, ValueList<ChartSeries> Series, double? YMin = null, double? YMax = null);
