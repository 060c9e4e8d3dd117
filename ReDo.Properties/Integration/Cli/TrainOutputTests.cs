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
}
