using ReDo.Pure.Metrics;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using ReDo.Properties.Generators;
using Xunit;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>
/// The TensorBoard event files TorchSharp's SummaryWriter writes for us, read back by the tests' own
/// TFRecord reader (as TensorBoard reads them), and their cut-back to a checkpoint on resume.
/// </summary>
public sealed class TensorBoardWriterExamples : IDisposable
{
    static readonly MetricsRow[] Rows = SyntheticRun.Rows(6, seed: 1).ToArray();
    readonly string _folder = Directory.CreateTempSubdirectory("redo-tb-").FullName;

    // REDO_KEEP_TEST_FILES=1 keeps the files for a look with other tools (tensorboard --logdir).
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("REDO_KEEP_TEST_FILES") != "1") Directory.Delete(_folder, recursive: true);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_event_file_reads_back_with_valid_crcs_tags_steps_and_values()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));
        var writer = new TensorBoardWriter(_folder, TestDisk.Files, clock);
        Assert.Equal(writer.Path, Assert.Single(Directory.GetFiles(_folder)));
        Assert.Matches(@"^events\.out\.tfevents\.\d+\.", Path.GetFileName(writer.Path));   // what tensorboard --logdir looks for
        foreach (var row in Rows) writer.Write(row);

        var events = TfRecordReader.Records(File.ReadAllBytes(writer.Path)).Select(TfRecordReader.Decode).ToList();
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        var scalarEvents = events.Skip(1).ToList();
        Assert.All(scalarEvents, e => Assert.Equal(1_700_000_000, e.WallTime));   // whole seconds: the library's unit
        foreach (var row in Rows)
        {
            var atRow = scalarEvents.Where(e => (e.Step ?? 0) == row.Frames)   // protobuf leaves out a step of 0
               .SelectMany(e => e.Scalars).ToList();
            var scalars = atRow.ToDictionary(s => s.Tag, s => s.Value);   // no tag twice
            Assert.Equal(TensorBoardScalars.Of(row).Select(s => s.Tag), atRow.Select(s => s.Tag));
            void Has(string tag, double expected)
            {
                if (double.IsNaN(expected)) Assert.False(scalars.ContainsKey(tag), $"{tag} is NaN and must be skipped");
                else Assert.Equal((float)expected, scalars[tag]);
            }
            Has("return/mean", row.MeanReturn);
            Has("return/last100", row.ReturnLast100);
            Has("loss", row.Loss);
            Has("dormant/tau0", 100 * row.DormantAtZero);
            Has("dormant/tau", 100 * row.DormantAtTau);
            Has("dormant/tau0/Conv_0", 100 * row.LayersAtZero[0].Fraction);
            Has("dormant/tau/Dense_0", 100 * row.LayersAtTau[1].Fraction);
            Has("recycle/neurons", row.NeuronsRecycled);
            Has("recycle/output_change", row.OutputChange);
        }
        Assert.Equal(Rows.Sum(r => TensorBoardScalars.Of(r).Count()), scalarEvents.Sum(e => e.Scalars.Count));
    }

    [Fact]
    public void A_flipped_bit_is_caught_by_the_reader()
    {
        var writer = new TensorBoardWriter(_folder, TestDisk.Files);
        writer.Write(Rows[1]);
        var bytes = File.ReadAllBytes(writer.Path);
        bytes[^10] ^= 1;
        Assert.Contains("CRC", Assert.Throws<InvalidDataException>(() => TfRecordReader.Records(bytes)).Message);
    }

    [Fact]
    public void Transient_failures_mid_row_are_retried_without_a_torn_or_repeated_event()
    {
        var flaky = new FlakyRunFiles(DiskRunFiles.Instance) { FailEvery = 2 };   // every other row: half written, then an IOException
        var files = new ResilientRunFiles(flaky, firstDelay: TimeSpan.FromMilliseconds(1));
        var writer = new TensorBoardWriter(_folder, files);
        foreach (var row in Rows) writer.Write(row);
        Assert.True(flaky.Failures >= 2);
        Assert.Equal(Rows.SelectMany(r => TensorBoardScalars.Of(r).Select(s => (r.Frames, s.Tag, (float)s.Value))), TfRecordReader.Scalars(_folder));
    }

    [Fact]
    public void Cutting_back_keeps_the_events_up_to_the_step_and_drops_a_torn_tail()
    {
        var writer = new TensorBoardWriter(_folder, TestDisk.Files);
        foreach (var row in Rows) writer.Write(row);
        File.AppendAllBytes(writer.Path, File.ReadAllBytes(writer.Path)[..40]);   // a record cut off mid-write

        EventFiles.CutBack(writer.Path, TestDisk.Files, lastStep: Rows[2].Frames);

        var kept = Rows.Take(3).SelectMany(r => TensorBoardScalars.Of(r).Select(s => (r.Frames, s.Tag, (float)s.Value)));
        Assert.Equal(kept, TfRecordReader.Scalars(_folder));   // the reader also proves the tail is gone (it throws on a torn record)
    }

    [Fact]
    public void A_file_left_without_scalars_is_deleted()
    {
        var writer = new TensorBoardWriter(_folder, TestDisk.Files);
        foreach (var row in Rows.Skip(3)) writer.Write(row);
        EventFiles.CutBack(writer.Path, TestDisk.Files, lastStep: Rows[2].Frames);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
