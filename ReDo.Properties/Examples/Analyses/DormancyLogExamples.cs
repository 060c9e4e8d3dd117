using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using ReDo.Shell.Files;
using Xunit;
using ReDo.Shell.Metrics;

namespace ReDo.Properties.Examples.Analyses;

/// <summary>dormancy-log.txt: a damaged line is named; cutting back to a checkpoint keeps its entries and drops a torn line.</summary>
public class DormancyLogExamples
{
    [Fact]
    public void A_damaged_line_is_named()
    {
        var e = Assert.Throws<DataFileException>(() => DormancyLogFormat.Parse(DormancyLogFormat.Header + "5 4 0.1 3 2.5 Dense_0=4:f/4:z\n", "runs/x/dormancy-log.txt"));
        Assert.Contains("runs/x/dormancy-log.txt line 2 is damaged", e.Message);
        Assert.Contains("Repair or delete that line", e.Message);
        Assert.Throws<DataFileException>(() => DormancyLogFormat.Parse("5 4 0.1 3 2.5 Dense_0=3:f/3:0\n", "f"));   // bit beyond 3 neurons
    }

    /// <summary>A dormancy log of entries at 0, 100, 200 and 300 updates in a new folder.</summary>
    static DormancyLog LogOfFourEntries(string tag)
    {
        var folder = TinyRuns.NewFolder(tag);
        Directory.CreateDirectory(folder);
        var log = new DormancyLog(folder, DiskRunFiles.Instance);
        var masks = new DormantMasks(0, 0.1, ValueList.Of(new LayerMask("A", ValueList.Of(true, false))), ValueList.Of(new LayerMask("A", ValueList.Of(true, true))));
        foreach (var u in new long[] { 0, 100, 200, 300 }) log.Append(new DormancyLogEntry(u, masks with { GradientStep = u }, 1, 1.5));
        return log;
    }

    [Fact]
    public void Cut_back_refuses_a_damaged_line_before_the_cut_and_changes_nothing()
    {
        var log = LogOfFourEntries("dlog-damaged");
        var text = File.ReadAllText(log.Path).Replace("\n100 ", "\nhello 100 ");
        File.WriteAllText(log.Path, text);
        var e = Assert.Throws<DataFileException>(() => log.CutBack(200));
        Assert.Contains($"{log.Path} line 3 is damaged", e.Message);
        Assert.Equal(text, File.ReadAllText(log.Path));
    }

    [Fact]
    public void Cut_back_keeps_the_entries_up_to_the_checkpoint_and_drops_a_torn_line()
    {
        var log = LogOfFourEntries("dlog");
        File.AppendAllText(log.Path, "400 400 0.1 1 1.");
        log.CutBack(200);
        Assert.Equal([0L, 100, 200], DormancyLog.Load(TestDisk.Files, Path.GetDirectoryName(log.Path)!).Select(e => e.Updates));
        Assert.EndsWith("\n", File.ReadAllText(log.Path));
    }
}
