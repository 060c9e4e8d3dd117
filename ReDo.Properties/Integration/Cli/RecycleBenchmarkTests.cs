using ReDo.Shell.Benchmarks;
using Xunit;

namespace ReDo.Properties.Integration.Cli;

/// <summary>`redo bench recycle --phases` end to end at one repeat: both networks' ratio rows and every phase of a recycle are printed.</summary>
public class RecycleBenchmarkTests
{
    [Fact]
    public void The_benchmark_prints_the_ratio_and_every_phase_for_both_networks()
    {
        var output = new StringWriter();
        Assert.Equal(0, RecycleBenchmark.Run(repeats: 1, probe: 8, tau: 0.1, threads: 1, phases: true, output));
        var text = output.ToString();
        foreach (var line in new[] { "nature-cnn", "minatar-dqn", "capture forward", "draws", "apply", "output change", "whole recycle call", "recomputed from the input", "minor page faults per update" })
            Assert.Contains(line, text);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("phases of one recycle")));
    }
}
