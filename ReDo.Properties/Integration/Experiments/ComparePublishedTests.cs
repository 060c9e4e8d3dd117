using System.Globalization;
using System.Text;
using ReDo.Pure.Reports;
using ReDo.Shell.Experiments;
using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Experiments;

/// <summary>
/// `redo compare published` on run folders whose return_last100 follows the published Breakout DQN
/// curve (within its band: exit 0) and on runs at 30 % of it (outside: exit 1, OUTSIDE named).
/// </summary>
public class ComparePublishedTests
{
    static readonly string Published = Path.Combine(RepoRoot.Find(), AnchorFiles.DefaultPublished);
    static readonly string Bands = Path.Combine(RepoRoot.Find(), PublishedComparing.DefaultBands);

    [Fact]
    public void Runs_that_follow_the_paper_are_inside_and_runs_far_below_are_outside()
    {
        var curves = PublishedCurves.Parse(File.ReadAllText(Published), Published);
        var root = TinyRuns.NewFolder("compare");
        string[] Runs(string tag, double scale) => [.. new[] { -0.1, 0.1 }.Select(offset => WriteRun(Path.Combine(root, $"{tag}{offset}"), curves, scale, offset))];

        using (var good = RedoProcess.Start(["compare", "published", .. Runs("good", 1.0), "--published", Published, "--bands", Bands]))
        {
            Assert.Equal(0, good.WaitForExit(TimeSpan.FromMinutes(10)));
            Assert.Contains("5 inside, 0 outside", good.Output);
            // Two runs a game: the interval is their bootstrap range, never called a 95 % CI.
            Assert.DoesNotContain("[95 % CI]", good.Output);
            Assert.DoesNotContain("]*", good.Output);
        }
        using (var bad = RedoProcess.Start(["compare", "published", .. Runs("bad", 0.3), "--published", Published, "--bands", Bands]))
        {
            Assert.Equal(1, bad.WaitForExit(TimeSpan.FromMinutes(10)));
            Assert.Contains("OUTSIDE", bad.Output);
        }
    }

    [Fact]
    public void A_checkpoint_takes_the_last_logged_point_at_or_before_it_if_the_run_got_there()
    {
        long[] frames = [490_000, 500_000, 990_000];
        double[] values = [1, 2, 3];
        Assert.Equal(2, PublishedComparison.ValueAt(frames, values, 500_000));
        Assert.Equal(3, PublishedComparison.ValueAt(frames, values, 1_000_000));   // 10,000 short: within 1 %
        Assert.True(double.IsNaN(PublishedComparison.ValueAt(frames, values, 2_000_000)));
        var band = new PublishedBand("breakout", 0.25, 0.25, 0.5);
        Assert.Equal((7.0, 13.0), band.Around(10));
    }

    [Fact]
    public void Runs_that_are_not_the_paper_s_dqn_are_named_with_how_they_differ()
    {
        var curves = PublishedCurves.Parse(File.ReadAllText(Published), Published);
        var root = TinyRuns.NewFolder("compare-mixed");
        var plain = WriteRun(Path.Combine(root, "dqn"), curves, 1.0, 0);
        var redo = WriteRun(Path.Combine(root, "redo-adam-rr4"), curves, 1.0, 0,
            "\"Redo\": { \"Enabled\": true }, \"Agent\": { \"Optimizer\": \"adam\", \"ReplayRatio\": 4, \"EpsilonEval\": 0.01 }");
        var output = new StringWriter();

        new PublishedComparing(output, TestDisk.Files).Compare([plain, redo], Published, Bands, new ReDo.Pure.Statistics.BootstrapSettings());

        var text = output.ToString();
        Assert.Contains($"warning: {redo} is not the paper's DQN (Redo:Enabled = true, Agent:ReplayRatio = 4, Agent:Optimizer = adam)", text);
        Assert.DoesNotContain($"warning: {plain} ", text);
        Assert.Contains("warning: 1 of 2 run(s) differ from the paper's DQN", text);
        Assert.Contains("our runs (not all the paper's DQN)", text);

        output = new StringWriter();
        new PublishedComparing(output, TestDisk.Files).Compare([plain], Published, Bands, new ReDo.Pure.Statistics.BootstrapSettings());
        Assert.DoesNotContain("warning", output.ToString());
        Assert.StartsWith("our DQN (", output.ToString());
    }

    /// <summary>A run folder of Breakout with the published DQN curve (× scale + offset) as return_last100, every 50,000 frames to 5 M.</summary>
    static string WriteRun(string folder, PublishedCurves curves, double scale, double offset, string? sections = null)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, RunLayout.Config), $"{{ \"Run\": {{ \"Game\": \"breakout\", \"Frames\": 5000000 }}{(sections is null ? "" : ", " + sections)} }}");
        var csv = new StringBuilder("frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,return_last100\n");
        foreach (var p in curves.Points.Where(p => p.Game == "breakout" && p.Method == "dqn" && !double.IsNaN(p.MeanReturn)))
            csv.Append(string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Round(p.FramesMillions * 1e6)},0,10,1,0.1,,,{p.MeanReturn * scale + offset:R}\n"));
        File.WriteAllText(Path.Combine(folder, RunLayout.Metrics), csv.ToString());
        return folder;
    }
}
