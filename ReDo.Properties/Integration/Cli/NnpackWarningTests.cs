using Xunit;

namespace ReDo.Properties.Integration.Cli;

/// <summary>
/// A convolutional training run in a fresh `redo` process logs no NNPACK warning. On CPUs where
/// NNPACK cannot start (our CI VMs) libtorch otherwise prints "Could not initialize NNPACK!" on every
/// conv call: half a million lines per worker log (ReDo.Shell/Torch/Nnpack.cs).
/// </summary>
public class NnpackWarningTests
{
    [Fact]
    public void A_training_run_prints_no_nnpack_warning()
    {
        var folder = TinyRuns.NewFolder("nnpack");
        using var child = RedoProcess.Start("train", TinyRuns.WriteConfigFile(TinyRuns.Config(frames: 1_000)), "--out", folder);
        Assert.Equal(0, child.WaitForExit(TimeSpan.FromSeconds(120)));
        Assert.Contains("1,000", child.Output);   // it trained (past the warm-up of 500 frames, so the conv ran forward and backward)
        Assert.DoesNotContain("NNPACK", child.Output);
    }
}
