using ReDo.Pure;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using ReDo.Shell.Analyses;
using ReDo.Shell.Cli;
using ReDo.Shell.Metrics;
using Xunit;

namespace ReDo.Properties.Integration.Analyses;

/// <summary>dormancy-log.txt: the format round-trips, torn and damaged lines are handled, and training writes one entry per logging step.</summary>
public class DormancyLogTests
{
    static Gen<DormancyLogEntry> Entries() =>
        from layers in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        from step in Gen.Choose(0, int.MaxValue)
        from tau in Gen.Choose(0, 1000).Select(t => t / 997.0)
        from srank in Gen.Choose(0, 512)
        from erank in Gen.Choose(0, 1_000_000).Select(x => x / 3.0)
        select Entry(layers, new System.Random(seed), step, tau, srank, erank);

    /// <summary>Masks of 1 … 70 neurons per layer (every remainder mod 4); the τ mask contains the τ = 0 mask, as Law 4 makes it.</summary>
    static DormancyLogEntry Entry(int layers, System.Random r, long step, double tau, int srank, double erank)
    {
        var zero = Enumerable.Range(0, layers).Select(_ => Enumerable.Range(0, r.Next(1, 71)).Select(_ => r.Next(3) == 0).ToArray()).ToArray();
        var atTau = zero.Select(bits => bits.Select(b => b || r.Next(3) == 0).ToArray()).ToArray();
        return new DormancyLogEntry(step + 7, new DormantMasks(step, tau,
                zero.Select((bits, i) => new LayerMask($"L_{i}", bits.ToValueList())).ToValueList(),
                atTau.Select((bits, i) => new LayerMask($"L_{i}", bits.ToValueList())).ToValueList()),
            srank, erank);
    }

    [Law(Runs = 300)]
    public Property Entries_round_trip_through_the_text_format() =>
        Prop.ForAll(Gen.ListOf(Entries()).ToArbitrary(), entries =>
        {
            var text = DormancyLogFormat.Header + string.Concat(entries.Select(DormancyLogFormat.Line));
            Assert.Equal(entries, DormancyLogFormat.Parse(text, "test"));
            if (entries.Count > 0)   // a torn last append is dropped, the rest kept
                Assert.Equal(entries.Take(entries.Count - 1), DormancyLogFormat.Parse(text[..^3], "test"));
        });

    [Fact]
    public void A_damaged_line_is_named()
    {
        var e = Assert.Throws<FormatException>(() => DormancyLogFormat.Parse(DormancyLogFormat.Header + "5 4 0.1 3 2.5 Dense_0=4:f/4:z\n", "runs/x/dormancy-log.txt"));
        Assert.Contains("runs/x/dormancy-log.txt line 2", e.Message);
        Assert.Throws<FormatException>(() => DormancyLogFormat.Parse("5 4 0.1 3 2.5 Dense_0=3:f/3:0\n", "f"));   // bit beyond 3 neurons
    }

    [Fact]
    public void Cut_back_keeps_the_entries_up_to_the_checkpoint_and_drops_a_torn_line()
    {
        var folder = TinyRuns.NewFolder("dlog");
        Directory.CreateDirectory(folder);
        var log = new DormancyLog(folder, DiskRunFiles.Instance);
        var masks = new DormantMasks(0, 0.1, ValueList.Of(new LayerMask("A", ValueList.Of(true, false))), ValueList.Of(new LayerMask("A", ValueList.Of(true, true))));
        foreach (var u in new long[] { 0, 100, 200, 300 }) log.Append(new DormancyLogEntry(u, masks with { GradientStep = u }, 1, 1.5));
        File.AppendAllText(log.Path, "400 400 0.1 1 1.");
        log.CutBack(200);
        Assert.Equal([0L, 100, 200], DormancyLog.Load(TestDisk.Files, folder).Select(e => e.Updates));
        Assert.EndsWith("\n", File.ReadAllText(log.Path));
    }

    [Fact]
    public void Training_logs_one_entry_per_dormancy_logging_step()
    {
        var folder = TinyRuns.Reference(TinyRuns.Config());
        var entries = DormancyLog.Load(TestDisk.Files, folder);
        var config = TinyRuns.Config();
        Assert.True(entries.Count >= 4, $"only {entries.Count} entries");
        Assert.All(entries, e => Assert.Equal(0, e.Masks.GradientStep % config.Redo.LogPeriod));
        Assert.All(entries, e => Assert.Equal(["Conv_0", "Dense_0"], e.Masks.AtTau.Select(l => l.Layer)));
        Assert.All(entries, e => Assert.InRange(e.SRank, 1, 32));                      // probe of 32 rows
        Assert.All(entries, e => Assert.InRange(e.EffectiveRank, 1, e.SRank + 1e-9 + 32));
        // the last entry's τ-mask counts agree with the last metrics row's dormant fraction
        var last = entries[^1];
        double fraction = (double)last.Masks.AtTau.Sum(l => l.Dormant.Count(b => b)) / last.Masks.AtTau.Sum(l => l.Dormant.Count);
        var metrics = ReDo.Shell.Metrics.MetricsFile.Load(TestDisk.Files, folder).Rows.Last(r => double.IsFinite(r.DormantAtTau));
        Assert.Equal(metrics.DormantAtTau, fraction, 12);
    }
}

/// <summary>The analyze command end to end on a tiny real run: numbers and plots written, bad input named.</summary>
public class AnalyzeCommandTests
{
    [Fact]
    public void Overlap_and_rank_write_their_csv_and_png()
    {
        var run = TinyRuns.Reference(TinyRuns.Config());
        var output = TinyRuns.NewFolder("analyze");
        Assert.Equal(0, CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlap", run, "--out", output).Exit);
        var csv = File.ReadAllLines(Path.Combine(output, "overlap.csv"));
        var logged = DormancyLog.Load(TestDisk.Files, run).Count;
        Assert.Equal(1 + logged * 3, csv.Length);   // header + (Conv_0, Dense_0, overall) per step
        Assert.StartsWith("gradient_step,layer,dormant,overlap_vs_previous,overlap_vs_reference", csv[0]);
        Assert.True(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(output, "overlap.png"))).Width > 0);

        Assert.Equal(0, CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "rank", run, run, "--out", output).Exit);
        Assert.Equal(1 + 2 * logged, File.ReadAllLines(Path.Combine(output, "rank.csv")).Length);
        Assert.True(File.Exists(Path.Combine(output, "rank.png")));
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var empty = TinyRuns.NewFolder("norun");
        Directory.CreateDirectory(empty);
        Assert.Contains("dormancy-log.txt", Assert.Throws<RunFolderException>(() => new AnalyzeCommand(TestDisk.Files).Overlap(new(empty, MaskThreshold.Tau, null, null))).Message);
        var run = TinyRuns.Reference(TinyRuns.Config());
        Assert.Contains("--reference", Assert.Throws<ConfigException>(() => new AnalyzeCommand(TestDisk.Files).Overlap(new(run, MaskThreshold.Tau, 999_999_999, empty))).Message);
        // What the parser refuses, through the real command line: exit code 2 and the problem named.
        var (exit, output, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlaps", empty);
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean", output + error);
        Assert.Contains("overlap", output + error);
        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlap", run, "--reference", "-3");
        Assert.Equal(2, exit);
        Assert.Contains("--reference -3 is out of range", error);
        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlap", empty);
        Assert.Equal(2, exit);
        Assert.Contains("redo analyze overlap: ", error);
        Assert.Contains("dormancy-log.txt", error);
    }
}
