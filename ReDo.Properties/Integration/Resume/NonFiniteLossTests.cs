using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Integration.Resume;

/// <summary>A NaN loss halts the run with a message naming the step and the kept checkpoint; the poisoned state is never checkpointed.</summary>
[Collection(ResumeCollection.Name)]
public class NonFiniteLossTests
{
    [Fact]
    public void A_nan_loss_stops_the_run_and_keeps_the_last_good_checkpoint()
    {
        var folder = TinyRuns.NewFolder("nan");
        using var runner = Runner.OpenNew(TinyRuns.Config(), folder, DiskRunFiles.Instance);
        using (no_grad())
        using (var nan = double.NaN.ToScalar())
            foreach (var (_, network) in runner.Agent.ScoredNetworks)
                foreach (var p in network.parameters()) p.fill_(nan);   // what a diverged update leaves behind

        var e = Assert.Throws<RunHaltedException>(() => runner.TrainAndFinish(TextWriter.Null, CancellationToken.None, null));

        Assert.False(e.Resumable);
        // The first update is update 1; its schedule step counts the warm-up (MinReplayHistory agent steps × the replay ratio).
        var c = TinyRuns.Config();
        Assert.Contains($"the loss became NaN at update 1 (schedule step {c.Dqn.MinReplayHistory * (long)c.Dqn.ReplayRatio:N0}, ", e.Message);
        Assert.Contains("the last good checkpoint ckpt-000000000000 is kept", e.Message);
        Assert.Equal(["ckpt-000000000000"], Directory.GetDirectories(Path.Combine(folder, "checkpoints")).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(folder, RunLayout.Weights)));
    }
}
