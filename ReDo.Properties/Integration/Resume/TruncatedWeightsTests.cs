using ReDo.Shell.Cli;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>A finished run whose online.weights was cut short is told so by evaluate (not "another network"), and the advice it gives brings the file back byte for byte.</summary>
[Collection(ResumeCollection.Name)]
public class TruncatedWeightsTests
{
    [Fact]
    public void A_truncated_online_weights_is_named_truncated_and_the_advice_restores_it()
    {
        var config = TinyRuns.Config();
        var folder = TinyRuns.NewFolder("truncated");
        TinyRuns.CopyFolder(TinyRuns.Reference(config), folder);
        var weights = Path.Combine(folder, RunLayout.Weights);
        var whole = File.ReadAllBytes(weights);
        File.WriteAllBytes(weights, whole[..(whole.Length / 2)]);

        var (exit, _, error) = CliRun.Invoke(new EvaluateCommand(TestDisk.Files), "evaluate", folder);

        Assert.Equal(2, exit);
        Assert.Contains($"{weights} is truncated: {whole.Length / 2:N0} bytes where this config's networks take {whole.Length:N0}", error);
        Assert.DoesNotContain("another network", error);
        Assert.Contains($"delete {weights} and {Path.Combine(folder, RunLayout.Summary)}, then run: redo resume {folder}", error);

        File.Delete(weights);
        File.Delete(Path.Combine(folder, RunLayout.Summary));
        Runner.Resume(folder, TestDisk.Files, TextWriter.Null);
        Assert.Equal(whole, File.ReadAllBytes(weights));
        Assert.Equal(0, CliRun.Invoke(new EvaluateCommand(TestDisk.Files), "evaluate", folder, "--episodes", "1").Exit);
    }
}
