using ReDo.Shell.Benchmarks;
using Xunit;

namespace ReDo.Properties.Examples.Cli;

/// <summary>`bench env`'s Python column is a recorded figure, not a measurement here: the table, the line under it and the README say so.</summary>
public class EnvBenchmarkExamples
{
    [Fact]
    public void The_python_column_says_it_is_recorded_where_and_when()
    {
        var (exit, output, _) = CliRun.Capture(() => EnvBenchmark.Run(0.05, "breakout"));
        Assert.Equal(0, exit);
        Assert.Contains("python (recorded)", output);
        Assert.Contains("recorded on the development machine (2 cores, shared) on 2026-11-25, not measured by this command", output);
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var bullet = readme[readme.IndexOf("- `bench env`", StringComparison.Ordinal)..];
        bullet = bullet[..bullet.IndexOf("\n- ", StringComparison.Ordinal)];
        Assert.DoesNotContain("on this machine", bullet);
        Assert.Contains("recorded once on the development machine", bullet.ReplaceLineEndings(" ").Replace("  ", " "));
    }
}
