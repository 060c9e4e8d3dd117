using ReDo.Pure.Collections;
using ReDo.Pure.Metrics;
using ReDo.Shell.Files;

namespace ReDo.Shell.Metrics;

/// <summary>
/// Appends rows to &lt;run folder&gt;/metrics.csv: the header once (when the file is new or empty),
/// then one flushed line per row. An existing file is continued only if its header names the same
/// columns, so a resumed run cannot silently mix layouts; a file begun before the τ = 0.1 column
/// existed is continued without it, so such a run resumes to the bytes it would have written.
/// </summary>
public sealed class CsvMetricsWriter
{
    readonly IRunFiles _files;
    readonly ValueList<string> _layers, _extras;
    bool _headerChecked, _atTenth = true;

    public string Path { get; }

    /// <param name="extras">the agent's own columns after return_last100 (none for DQN)</param>
    public CsvMetricsWriter(string runFolder, IEnumerable<string> layers, IRunFiles files, IEnumerable<string>? extras = null)
    {
        _files = files;
        _layers = layers.ToValueList();
        _extras = (extras ?? []).ToValueList();
        Path = System.IO.Path.Combine(runFolder, RunLayout.Metrics);
        MetricsCsv.Columns(_layers, _extras);   // reject unusable column names now, not at the first row
    }

    public void Write(MetricsRow row)
    {
        MetricsCsv.FormatRow(row, _layers, _extras);   // a bad row fails before the header is written
        if (!_headerChecked) { EnsureHeader(); _headerChecked = true; }
        _files.AppendText(Path, MetricsCsv.FormatRow(row, _layers, _extras, _atTenth));
    }

    void EnsureHeader()
    {
        var header = MetricsCsv.Header(_layers, _extras);
        var existing = _files.Exists(Path) ? _files.ReadAllText(Path) : "";
        if (existing.Length == 0) { _files.AppendText(Path, header); return; }
        if (existing.StartsWith(MetricsCsv.Header(_layers, _extras, atTenth: false), StringComparison.Ordinal)) { _atTenth = false; return; }
        if (!existing.StartsWith(header, StringComparison.Ordinal))
            throw new InvalidOperationException($"{Path} exists with other columns (first line: '{existing.Split('\n')[0]}'); expected '{header.TrimEnd()}'. Use a new run folder.");
    }
}
