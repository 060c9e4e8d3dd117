using ReDo.Pure.Metrics;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using Xunit;
using ReDo.Properties.Generators;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>metrics.csv as written through the run-files seam (TensorBoard: <see cref="TensorBoardWriterExamples"/>).</summary>
public class MetricsWriterExamples
{
    static readonly MetricsRow[] Rows = SyntheticRun.Rows(6, seed: 1).ToArray();

    [Fact]
    public void Csv_writer_writes_the_header_once_and_one_append_per_row()
    {
        var files = new InMemoryRunFiles();
        var writer = new CsvMetricsWriter("run", SyntheticRun.Layers, files);
        foreach (var row in Rows) writer.Write(row);
        Assert.Equal(1 + Rows.Length, files.Appends);
        Assert.Equal(MetricsCsv.Format(SyntheticRun.Layers, Rows), files.ReadAllText(Path.Combine("run", RunLayout.Metrics)));
    }

    [Fact]
    public void A_resumed_writer_continues_the_file_byte_identically()
    {
        var once = new InMemoryRunFiles();
        var all = new CsvMetricsWriter("run", SyntheticRun.Layers, once);
        foreach (var row in Rows) all.Write(row);

        var twice = new InMemoryRunFiles();
        var first = new CsvMetricsWriter("run", SyntheticRun.Layers, twice);
        foreach (var row in Rows.Take(2)) first.Write(row);
        var resumed = new CsvMetricsWriter("run", SyntheticRun.Layers, twice);
        foreach (var row in Rows.Skip(2)) resumed.Write(row);

        Assert.Equal(once.Bytes(all.Path), twice.Bytes(resumed.Path));
    }

    [Fact]
    public void A_run_begun_before_the_tenth_column_resumes_without_it()
    {
        var files = new InMemoryRunFiles();
        var path = Path.Combine("run", RunLayout.Metrics);
        var rows = Rows.Select(r => r with { DormantAtTenth = 0.25 }).ToArray();
        files.AppendText(path, MetricsCsv.Format(SyntheticRun.Layers, rows.Take(2), atTenth: false));
        var resumed = new CsvMetricsWriter("run", SyntheticRun.Layers, files);
        foreach (var row in rows.Skip(2)) resumed.Write(row);
        Assert.Equal(MetricsCsv.Format(SyntheticRun.Layers, rows, atTenth: false), files.ReadAllText(path));
    }

    [Fact]
    public void Continuing_a_file_with_other_columns_is_refused()
    {
        var files = new InMemoryRunFiles();
        files.AppendText(Path.Combine("run", RunLayout.Metrics), MetricsCsv.Header(["Dense_0"]));
        var writer = new CsvMetricsWriter("run", SyntheticRun.Layers, files);
        Assert.Contains("other columns", Assert.Throws<InvalidOperationException>(() => writer.Write(Rows[0])).Message);
    }

    [Fact]
    public void Csv_writer_on_disk_writes_a_file_that_parses_back()
    {
        var folder = Directory.CreateTempSubdirectory("redo-metrics-").FullName;
        try
        {
            var writer = new CsvMetricsWriter(folder, SyntheticRun.Layers, TestDisk.Files);
            foreach (var row in Rows) writer.Write(row);
            Assert.Equal(Rows, MetricsCsv.Parse(File.ReadAllText(writer.Path)).Rows);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
