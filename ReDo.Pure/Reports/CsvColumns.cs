using System.Globalization;

namespace ReDo.Pure.Reports;

/// <summary>
/// A numeric CSV read by column name (metrics.csv of any version: columns added later, e.g.
/// <c>return_last100</c>, are simply there or not). Empty fields and "nan" read as NaN.
/// </summary>
public sealed record CsvColumns(IReadOnlyList<string> Header, IReadOnlyList<double[]> Columns, int RowCount)
{
    public bool Has(string name) => Header.Contains(name);

    public double[] this[string name] =>
        Header.ToList().IndexOf(name) is var i and >= 0 ? Columns[i] : throw new KeyNotFoundException($"no column '{name}' (columns: {string.Join(", ", Header)})");

    /// <summary>Parses the text; a malformed line is an error naming its line number. A last line without "\n" (a write in progress) is ignored.</summary>
    public static CsvColumns Parse(string text, string source)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[0].Length == 0) throw new FormatException($"{source}: no header line");
        var header = lines[0].TrimEnd('\r').Split(',');
        var rows = new List<double[]>();
        for (int i = 1; i < lines.Length - 1; i++)   // the last element follows the final "\n" (or is a torn line)
        {
            var f = lines[i].TrimEnd('\r').Split(',');
            if (f.Length != header.Length) throw new FormatException($"{source}, line {i + 1}: {f.Length} fields, the header has {header.Length}");
            var row = new double[f.Length];
            for (int c = 0; c < f.Length; c++)
                row[c] = f[c].Length == 0 || f[c].Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN
                    : double.TryParse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                    : throw new FormatException($"{source}, line {i + 1}: {header[c]} '{f[c]}' is not a number");
            rows.Add(row);
        }
        var columns = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c]).ToArray()).ToList();
        return new CsvColumns(header, columns, rows.Count);
    }
}
