using ReDo.Pure;
using ReDo.Pure.Statistics;
using ReDo.Pure.Study;
using ReDo.Shell.Experiments;
using ReDo.Shell.Study;
using Xunit;

namespace ReDo.Properties.Examples.Study;

/// <summary>
/// The study's numbers pinned on small cases (H2's drop and recovery, H3's exploratory rule), a
/// damaged study.json refused with the fix, and the shipped study making its report again.
/// </summary>
public class StudyExamples
{
    static CurvePoint[] Curve(params (long Frames, double Value)[] points) => [.. points.Select(p => new CurvePoint(p.Frames, p.Value))];

    [Fact]
    public void H2_s_level_is_the_RR_1_run_s_last_value_at_or_before_the_high_ratio_run_s_end()
    {
        var rr1 = Curve((130_000, 0.9), (140_000, 1.0), (150_000, 1.4));
        var drop = ReturnDrop.Of("seaquest", 4, rr1, Curve((140_000, 0.6), (145_000, 0.55)), Curve((145_000, 0.85)))!;
        Assert.Equal((145_000L, 1.0, 0.55), (drop.Frames, drop.Rr1Level, drop.HighReturn));
        Assert.Equal(0.45, drop.Drop, 12);
        Assert.True(drop.Counts(0.1));
        Assert.Equal(0.3 / 0.45, drop.RecoveryShare!.Value, 12);   // ReDo 0.85: two thirds of the drop back
        Assert.False(ReturnDrop.Of("asterix", 4, rr1, Curve((145_000, 0.95)))!.Counts(0.1));   // 5 % below: under the rule's 10 %
        Assert.Null(ReturnDrop.Of("asterix", 4, Curve((150_000, 1.0)), Curve((145_000, 0.5))));   // no RR 1 value yet at 145,000 frames
    }

    [Fact]
    public void H2_is_falsified_by_a_counted_drop_ReDo_recovers_less_than_half_of_and_supported_only_with_ReDo_better()
    {
        var drop = new ReturnDrop("seaquest", 4, 145_000, 1.0, 0.5, 0.6);   // recovers 20 %
        Assert.Equal(Verdict.Falsified, ReturnDropVerdict.Cell(new ConfirmedDrop("c", [drop], Verdict.NoDifferenceFound), 0.1, 0.5).Verdict);
        var recovered = drop with { WithRedo = 0.9 };   // 80 %
        Assert.Equal(Verdict.Supported, ReturnDropVerdict.Cell(new ConfirmedDrop("c", [recovered], Verdict.Supported), 0.1, 0.5).Verdict);
        Assert.Equal(Verdict.Undecided, ReturnDropVerdict.Cell(new ConfirmedDrop("c", [recovered], Verdict.Undecided), 0.1, 0.5).Verdict);
        Assert.Equal(Verdict.Pending, ReturnDropVerdict.Cell(new ConfirmedDrop("c", [recovered], Verdict.Pending), 0.1, 0.5).Verdict);
        var overall = ReturnDropVerdict.Overall([drop], [], 0.1, 4);
        Assert.Equal(Verdict.Undecided, overall.Verdict);
        Assert.Contains("no confirmation cell at RR ≥ 4", overall.Numbers);
    }

    [Fact]
    public void H3_with_one_seed_a_ratio_is_exploratory_whatever_the_order()
    {
        RatioGain Rung(double ratio, double gain, int runs) => new(ratio, [("breakout", 0.2, 0.2 + gain, runs, runs), ("seaquest", 0.1, 0.1 + gain, runs, runs)], false);
        var growing = new[] { Rung(1, 0.01, 1), Rung(4, 0.02, 1), Rung(16, 0.05, 1) };
        var v = RatioGainVerdict.Of(growing, 3);
        Assert.Equal(Verdict.Undecided, v.Verdict);
        Assert.Contains("the gain grows with the ratio", v.Numbers);
        Assert.Equal(Verdict.Supported, RatioGainVerdict.Of([.. growing.Select(r => Rung(r.Ratio, r.Gain, 3))], 3).Verdict);
        Assert.Equal(Verdict.Falsified, RatioGainVerdict.Of([Rung(1, 0.05, 3), Rung(4, 0.02, 3), Rung(16, 0.06, 3)], 3).Verdict);
    }

    [Theory]
    [InlineData("""{ "Name": "s", "Preregistration": "p.md", "Screening": ["screen"], "Confirmation": "confirm", "Ladder": [ { "Ratio": 4, "Without": "d_rr4" } ] }""", "no rung at ratio 1")]
    [InlineData("""{ "Name": "s", "Preregistration": "p.md", "Screening": ["../elsewhere"], "Confirmation": "confirm", "Ladder": [] }""", "must be a folder inside the study folder")]
    [InlineData("""{ "Name": "s", "Preregistration": "p.md", "Screening": ["screen"], "Confirmation": "missing", "Ladder": [] }""", "holds no experiment/plan.json")]
    [InlineData("""{ "Name": "s", "Screening": "screen" }""", "is not valid JSON for a study")]
    public void A_damaged_study_file_is_refused_with_what_is_wrong(string json, string expected)
    {
        var folder = TinyRuns.NewFolder("study");
        Directory.CreateDirectory(Path.Combine(folder, "screen", "experiment"));
        File.WriteAllText(Path.Combine(folder, "screen", "experiment", "plan.json"), "{}");
        File.WriteAllText(Path.Combine(folder, StudyFiles.StudyFile), json);
        var e = Assert.Throws<DataFileException>(() => StudyFiles.Load(TestDisk.Files, folder));
        Assert.Contains(expected, e.Message);
        Assert.Contains(StudyFiles.StudyFile, e.Message);
    }

    [Fact]
    public void The_shipped_study_makes_its_report_again_from_what_is_shipped()
    {
        var root = RepoRoot.Find();
        var shipped = Path.Combine(root, "docs", "results", "dormancy-study");
        var output = TinyRuns.NewFolder("study-report");
        var results = new StudyReporting(TextWriter.Null, TestDisk.Files).Write(shipped, output, AnchorFiles.In(root), new BootstrapSettings(BootstrapSettings.MinResamples, 0.95, 0));
        Assert.Equal(["H1", "H2", "H3", "H4"], results.Verdicts.Select(v => v.Hypothesis).Distinct());
        foreach (var file in results.Parts.Select(p => Path.Combine(p.Folder, ExperimentReporting.ReportFile)).Prepend(ExperimentReporting.ReportFile))
            Assert.True(File.ReadAllText(Path.Combine(shipped, file)) == File.ReadAllText(Path.Combine(output, file)),
                $"docs/results/dormancy-study/{file} differs from what its runs give now; make it again with: redo report docs/results/dormancy-study --out docs/results/dormancy-study");
    }
}
