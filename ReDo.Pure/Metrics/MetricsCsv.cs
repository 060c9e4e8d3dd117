using System.Globalization;
using System.Text;
using ReDo.Pure.Collections;

namespace ReDo.Pure.Metrics;

/// <summary>
/// metrics.csv as pure text: one header line, then one line per <see cref="MetricsRow"/>, every line
/// ending in "\n". Dormant columns are percentages (see <see cref="PercentText"/>), other doubles
/// use <see cref="NumberText"/>; NaN is an empty field. An agent may add its own columns after
/// return_last100 (<see cref="MetricsRow.Extras"/>, e.g. SAC's eval_return and alpha). The same rows
/// always give the same bytes, and <see cref="Parse"/> gives back the rows bit for bit.
/// </summary>
public static class MetricsCsv
{
    public const string AtZeroPrefix = "dormant_pct_tau0";
    public const string AtTauPrefix = "dormant_pct_tau";

    /// <summary>
    /// The overall dormant % at τ = 0.1 whatever the run's τ, so runs recycling at different τ can be
    /// compared at one (after return_last100; files written before it existed lack it and stay valid).
    /// </summary>
    public const string AtTenthColumn = "dormant_pct_tau0.1";

    static readonly string[] Leading = ["frames", "gradient_steps", "episodes", "mean_return", "loss", AtZeroPrefix, AtTauPrefix];
    static readonly string[] Trailing = ["neurons_recycled", "output_change", "return_last100"];

    /// <param name="atTenth">whether the file has the τ = 0.1 column (every new file does; older ones are continued without it)</param>
    public static IReadOnlyList<string> Columns(IReadOnlyList<string> layers, IReadOnlyList<string>? extras = null, bool atTenth = true)
    {
        foreach (var layer in layers)
            if (layer.Length == 0 || layer.IndexOfAny([',', '"', '\n', '\r']) >= 0)
                throw new ArgumentException($"layer name '{layer}' cannot be a CSV column: it must be non-empty and free of commas, quotes and line breaks");
        extras ??= [];
        foreach (var extra in extras)
            if (ExtraProblem(extra) is { } problem) throw new ArgumentException($"column name '{extra}' cannot be an agent's column: {problem}");
        if (extras.Distinct().Count() != extras.Count) throw new ArgumentException($"the agent's columns [{string.Join(", ", extras)}] name one column twice");
        return [.. Leading, .. layers.Select(l => $"{AtZeroPrefix}/{l}"), .. layers.Select(l => $"{AtTauPrefix}/{l}"), .. Trailing, .. (atTenth ? new[] { AtTenthColumn } : []), .. extras];
    }

    /// <summary>Why <paramref name="name"/> cannot be an agent's own column, or null: it must be non-empty, CSV-safe, and not look like a standard column.</summary>
    static string? ExtraProblem(string name) =>
        name.Length == 0 || name.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "it must be non-empty and free of commas, quotes and line breaks"
        : name.StartsWith(AtTauPrefix, StringComparison.Ordinal) || Leading.Contains(name) || Trailing.Contains(name) ? "it is, or looks like, one of the standard columns"
        : null;

    public static string Header(IReadOnlyList<string> layers, IReadOnlyList<string>? extras = null, bool atTenth = true) => string.Join(',', Columns(layers, extras, atTenth)) + "\n";

    /// <summary>One line (with its "\n"); the row must name exactly <paramref name="layers"/>, in order, at τ = 0 and at τ.</summary>
    public static string FormatRow(MetricsRow row, IReadOnlyList<string> layers, IReadOnlyList<string>? extras = null, bool atTenth = true)
    {
        RequireLayers(row.LayersAtZero, layers, "at τ = 0");
        RequireLayers(row.LayersAtTau, layers, "at τ");
        if (!row.Extras.Select(x => x.Name).SequenceEqual(extras ?? []))
            throw new ArgumentException($"the row's own columns [{string.Join(", ", row.Extras.Select(x => x.Name))}] differ from the file's [{string.Join(", ", extras ?? [])}]");
        IEnumerable<string> fields =
        [
            row.Frames.ToString(CultureInfo.InvariantCulture),
            row.GradientSteps.ToString(CultureInfo.InvariantCulture),
            row.Episodes.ToString(CultureInfo.InvariantCulture),
            NumberText.Format(row.MeanReturn),
            NumberText.Format(row.Loss),
            PercentText.FromFraction(row.DormantAtZero),
            PercentText.FromFraction(row.DormantAtTau),
            .. row.LayersAtZero.Select(l => PercentText.FromFraction(l.Fraction)),
            .. row.LayersAtTau.Select(l => PercentText.FromFraction(l.Fraction)),
            row.NeuronsRecycled.ToString(CultureInfo.InvariantCulture),
            NumberText.Format(row.OutputChange),
            NumberText.Format(row.ReturnLast100),
            .. (atTenth ? new[] { PercentText.FromFraction(row.DormantAtTenth) } : []),
            .. row.Extras.Select(x => NumberText.Format(x.Value)),
        ];
        return string.Join(',', fields) + "\n";
    }

    /// <summary>The whole file: header (layers taken from <paramref name="layers"/>) and rows.</summary>
    public static string Format(IReadOnlyList<string> layers, IEnumerable<MetricsRow> rows, IReadOnlyList<string>? extras = null, bool atTenth = true)
    {
        var b = new StringBuilder(Header(layers, extras, atTenth));
        foreach (var row in rows) b.Append(FormatRow(row, layers, extras, atTenth));
        return b.ToString();
    }

    static void RequireLayers(ValueList<LayerFraction> given, IReadOnlyList<string> layers, string which)
    {
        if (!given.Select(l => l.Layer).SequenceEqual(layers))
            throw new ArgumentException($"the row's layers {which} [{string.Join(", ", given.Select(l => l.Layer))}] differ from the file's columns [{string.Join(", ", layers)}]; use MetricsRow.NotMeasured(layers) for an interval without a measurement");
    }

    /// <summary>Reads a whole metrics.csv; throws <see cref="MetricsCsvException"/> naming line and column on malformed input.</summary>
    public static MetricsTable Parse(string text)
    {
        var lines = text.Split('\n');
        if (text.Length == 0) throw new MetricsCsvException(1, 1, "the file is empty; expected the header line starting 'frames,'");
        // Every line ends in "\n"; a last line without one is a write that was cut off.
        if (lines[^1].Length != 0)
            throw new MetricsCsvException(lines.Length, lines[^1].Length + 1, "the last line has no line end: the file was cut off while being written; delete that line");
        var (layers, extras, atTenth) = ParseHeader(lines[0].TrimEnd('\r'));
        var columns = Columns(layers, extras, atTenth);
        var rows = new List<MetricsRow>();
        for (int i = 1; i < lines.Length - 1; i++)
        {
            var row = ParseRow(lines[i].TrimEnd('\r'), i + 1, layers, extras, columns, atTenth);
            // A run logs each frame once, in order; anything else means two writers shared the folder.
            if (rows.Count > 0 && row.Frames <= rows[^1].Frames)
                throw new MetricsCsvException(i + 1, 1, $"frame {row.Frames.ToString("N0", CultureInfo.InvariantCulture)} follows frame {rows[^1].Frames.ToString("N0", CultureInfo.InvariantCulture)}: " +
                    "rows are repeated or out of order, as when two processes wrote this run at once; its numbers cannot be trusted, train it again");
            rows.Add(row);
        }
        return new MetricsTable(layers, rows.ToValueList()) { Extras = extras, AtTenth = atTenth };
    }

    static (ValueList<string> Layers, ValueList<string> Extras, bool AtTenth) ParseHeader(string header)
    {
        var names = header.Split(',');
        for (int c = 0; c < Leading.Length; c++)
            if (c >= names.Length || names[c] != Leading[c])
                throw new MetricsCsvException(1, c + 1, $"expected column '{Leading[c]}' but found '{(c < names.Length ? names[c] : "")}'; is this a ReDo metrics.csv?");
        // The per-layer columns at τ = 0 follow the leading ones; as many at τ, the trailing ones, then the agent's own.
        var prefix = AtZeroPrefix + "/";
        var layers = new List<string>();
        for (int c = Leading.Length; c < names.Length && names[c].StartsWith(prefix, StringComparison.Ordinal); c++)
        {
            if (names[c].Length == prefix.Length)
                throw new MetricsCsvException(1, c + 1, $"expected a per-layer column '{prefix}<layer>' but found '{names[c]}'");
            if (names[c].Contains('"'))
                throw new MetricsCsvException(1, c + 1, $"column '{names[c]}': quoted names are not part of this format");
            layers.Add(names[c][prefix.Length..]);
        }
        int standard = Leading.Length + 2 * layers.Count + Trailing.Length;
        if (names.Length < standard)
            throw new MetricsCsvException(1, names.Length, $"the header has {names.Length} columns; expected {Leading.Length + Trailing.Length} plus two per layer ({layers.Count} layers), then the agent's own");
        bool atTenth = names.Length > standard && names[standard] == AtTenthColumn;
        if (atTenth) standard++;
        var extras = names[standard..];
        for (int k = 0; k < extras.Length; k++)
            if (ExtraProblem(extras[k]) is { } problem)
                throw new MetricsCsvException(1, standard + k + 1, $"column '{extras[k]}' cannot be an agent's column: {problem}");
        if (extras.GroupBy(x => x).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new MetricsCsvException(1, standard + Array.LastIndexOf(extras, twice.Key) + 1, $"column '{twice.Key}' appears twice");
        var expected = Columns(layers, extras, atTenth);
        for (int c = 0; c < names.Length; c++)
            if (names[c] != expected[c])
                throw new MetricsCsvException(1, c + 1, $"expected column '{expected[c]}' but found '{names[c]}'");
        return (layers.ToValueList(), extras.ToValueList(), atTenth);
    }

    static MetricsRow ParseRow(string line, int lineNo, ValueList<string> layers, ValueList<string> extras, IReadOnlyList<string> columns, bool atTenth)
    {
        var f = line.Split(',');
        if (f.Length != columns.Count)
            throw new MetricsCsvException(lineNo, Math.Min(f.Length, columns.Count) + 1, $"the line has {f.Length} fields but the header has {columns.Count}");
        int L = layers.Count;
        long Integer(int c)
        {
            if (long.TryParse(f[c], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
            throw Bad(c, "an integer");
        }
        double Number(int c) => NumberText.Parse(f[c]) ?? throw Bad(c, "a number (or empty for none)");
        double Percent(int c) => PercentText.ToFraction(f[c]) ?? throw Bad(c, "a percentage (or empty for none)");
        int Int32(int c) => Integer(c) is var v && v is >= int.MinValue and <= int.MaxValue ? (int)v : throw Bad(c, "an integer of at most 2147483647");
        MetricsCsvException Bad(int c, string kind) => new(lineNo, c + 1, $"{columns[c]} '{f[c]}' is not {kind}");

        return new MetricsRow(
            Frames: Integer(0),
            GradientSteps: Integer(1),
            Episodes: Int32(2),
            MeanReturn: Number(3),
            Loss: Number(4),
            DormantAtZero: Percent(5),
            DormantAtTau: Percent(6),
            LayersAtZero: layers.Select((l, k) => new LayerFraction(l, Percent(7 + k))).ToValueList(),
            LayersAtTau: layers.Select((l, k) => new LayerFraction(l, Percent(7 + L + k))).ToValueList(),
            NeuronsRecycled: Int32(7 + 2 * L),
            OutputChange: Number(8 + 2 * L),
            ReturnLast100: Number(9 + 2 * L))
        {
            DormantAtTenth = atTenth ? Percent(10 + 2 * L) : double.NaN,
            Extras = extras.Select((x, k) => new NamedValue(x, Number(10 + 2 * L + (atTenth ? 1 : 0) + k))).ToValueList(),
        };
    }
}

/// <summary>Malformed metrics.csv; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed class MetricsCsvException(int line, int column, string problem)
    : FormatException($"line {line}, column {column}: {problem}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Problem { get; } = problem;
}
