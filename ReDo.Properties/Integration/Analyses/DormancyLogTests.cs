using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Shell.Cli;
using Xunit;
using ReDo.Shell.Metrics;

namespace ReDo.Properties.Integration.Analyses;

/// <summary>dormancy-log.txt from a real training run: one entry per logging step, agreeing with metrics.csv.</summary>
public class DormancyLogTests
{
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
        Assert.Contains("did you mean overlap?", output + error);
        Assert.Contains("overlap", output + error);
        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlap", run, "--reference", "-3");
        Assert.Equal(2, exit);
        Assert.Contains("--reference = -3: allowed ", error);
        (exit, _, error) = CliRun.Invoke(new AnalyzeCommand(TestDisk.Files), "analyze", "overlap", empty);
        Assert.Equal(2, exit);
        Assert.Contains("redo analyze overlap: ", error);
        Assert.Contains("dormancy-log.txt", error);
    }
}
