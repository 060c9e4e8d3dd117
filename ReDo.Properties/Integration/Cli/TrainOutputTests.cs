using Xunit;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// A training run in a fresh `redo` process prints its own lines and nothing from the native
/// libraries under it: no libtorch "Could not initialize NNPACK!" (printed on every conv call where
/// NNPACK cannot start, as on our CI VMs: half a million lines per worker log; ReDo.Recycling/Torch/Nnpack.cs)
/// and no Skia "Unsupported path effect in addPaint." (printed when a dashed series with a single
/// point, a run logged once, was written as SVG; ChartFigures draws a lone point solid).
/// </summary>
public class TrainOutputTests
{
    [Fact]
    public void A_training_run_prints_no_native_library_messages()
    {
        var folder = TinyRuns.NewFolder("quiet");
        var config = TinyRuns.Config(frames: 1_000);
        config = config with { Run = config.Run with { LogEvery = 1_000 } };   // one row: each per-layer series is a lone point
        using var child = RedoProcess.Start("train", TinyRuns.WriteConfigFile(config), "--out", folder);
        Assert.Equal(0, child.WaitForExit(TimeSpan.FromSeconds(120)));
        Assert.Contains("1,000", child.Output);   // it trained (past the warm-up of 500 frames, so the conv ran forward and backward)
        Assert.True(File.Exists(Path.Combine(folder, "dormant.svg")), child.Output);   // and drew its figures, per-layer series included
        Assert.DoesNotContain("NNPACK", child.Output);
        Assert.DoesNotContain("Unsupported path effect", child.Output);
    }

    [Fact]
    public void A_run_within_its_warm_up_is_told_it_makes_no_update()
    {
        var config = TinyRuns.Config(frames: 300);   // the warm-up is 500 frames
        var output = new StringWriter();
        var summary = ReDo.Shell.Runs.Runner.TrainNew(config, TinyRuns.NewFolder("warm-up"), TestDisk.Files, output);
        Assert.Equal(0, summary.Updates);
        Assert.Contains("warning: Run:Frames = 300 ends within the warm-up (Agent:MinReplayHistory = 500 steps of random play): no gradient update will be made, " +
                        "so the loss stays NaN and dormancy is never measured. A run that learns needs Run:Frames ≥ 501", output.ToString());
    }
}
