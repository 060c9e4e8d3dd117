using System.Text;
using ReDo.Pure.Metrics;
using ReDo.Shell.Metrics;
using Xunit;
using ReDo.Properties.Generators;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>metrics.csv and the TensorBoard event file as written through the run-files seam.</summary>
public class MetricsWriterTests
{
    static readonly MetricsRow[] Rows = SyntheticRun.Rows(6, seed: 1).ToArray();

    [Fact]
    public void Csv_writer_writes_the_header_once_and_one_append_per_row()
    {
        var files = new InMemoryRunFiles();
        var writer = new CsvMetricsWriter("run", SyntheticRun.Layers, files);
        foreach (var row in Rows) writer.Write(row);
        Assert.Equal(1 + Rows.Length, files.Appends);
        Assert.Equal(MetricsCsv.Format(SyntheticRun.Layers, Rows), files.ReadAllText(Path.Combine("run", "metrics.csv")));
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
    public void Continuing_a_file_with_other_columns_is_refused()
    {
        var files = new InMemoryRunFiles();
        files.AppendText(Path.Combine("run", "metrics.csv"), MetricsCsv.Header(["Dense_0"]));
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

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void TensorBoard_file_reads_back_with_valid_crcs_tags_and_values()
    {
        var files = new InMemoryRunFiles();
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));
        var writer = new TensorBoardWriter("run", files, clock, "box");
        Assert.Equal(Path.Combine("run", "events.out.tfevents.1700000000.box"), writer.Path);
        foreach (var row in Rows) writer.Write(row);

        var events = TfRecordReader.Records(files.Bytes(writer.Path)).Select(TfRecordReader.Decode).ToList();
        Assert.Equal(1 + Rows.Length, events.Count);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        Assert.Equal(1_700_000_000.25, events[0].WallTime);
        for (int i = 0; i < Rows.Length; i++)
        {
            var e = events[i + 1];
            var row = Rows[i];
            Assert.Equal(row.Frames, e.Step);
            var scalars = e.Scalars.ToDictionary(s => s.Tag, s => s.Value);
            Assert.Equal(scalars.Count, e.Scalars.Count);   // no tag twice
            void Has(string tag, double expected)
            {
                if (double.IsNaN(expected)) Assert.False(scalars.ContainsKey(tag), $"{tag} is NaN and must be skipped");
                else Assert.Equal((float)expected, scalars[tag]);
            }
            Has("return/mean", row.MeanReturn);
            if (!double.IsNaN(row.ReturnLast100)) Has("return/last100", row.ReturnLast100);
            Has("loss", row.Loss);
            Has("dormant/tau0", 100 * row.DormantAtZero);
            Has("dormant/tau", 100 * row.DormantAtTau);
            Has("dormant/tau0/Conv_0", 100 * row.LayersAtZero[0].Fraction);
            Has("dormant/tau/Dense_0", 100 * row.LayersAtTau[1].Fraction);
            Has("recycle/neurons", row.NeuronsRecycled);
            Has("recycle/output_change", row.OutputChange);
        }
    }

    [Fact]
    public void TensorBoard_writer_on_disk_names_the_file_as_tensorboard_expects()
    {
        var folder = Directory.CreateTempSubdirectory("redo-tb-").FullName;
        try
        {
            var writer = new TensorBoardWriter(folder, TestDisk.Files);
            foreach (var row in Rows) writer.Write(row);
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Matches(@"^events\.out\.tfevents\.\d{10}\.", Path.GetFileName(file));
            Assert.Equal(1 + Rows.Length, TfRecordReader.Records(File.ReadAllBytes(file)).Count);
        }
        finally
        {
            // REDO_KEEP_TEST_FILES=1 keeps the file for a look with other tools.
            if (Environment.GetEnvironmentVariable("REDO_KEEP_TEST_FILES") != "1") Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_flipped_bit_is_caught_by_the_reader()
    {
        var files = new InMemoryRunFiles();
        var writer = new TensorBoardWriter("run", files, hostName: "box");
        writer.Write(Rows[1]);
        var bytes = files.Bytes(writer.Path);
        bytes[^10] ^= 1;
        Assert.Contains("CRC", Assert.Throws<InvalidDataException>(() => TfRecordReader.Records(bytes)).Message);
    }

    [Fact]
    public void Events_use_the_documented_field_numbers()
    {
        // Event{wall_time=1: 0x09 + 8 bytes, file_version=3: 0x1A len "brain.Event:2"}
        var bytes = TensorBoardEvents.FileVersionEvent(0);
        Assert.Equal(0x09, bytes[0]);
        Assert.Equal(0x1A, bytes[9]);
        Assert.Equal("brain.Event:2", Encoding.ASCII.GetString(bytes, 11, bytes[10]));
    }
}
