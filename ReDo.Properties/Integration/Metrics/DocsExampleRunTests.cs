using Xunit;
using ReDo.Shell.Files;

namespace ReDo.Properties.Integration.Metrics;

/// <summary>
/// docs/example-run/metrics.csv is what <see cref="Shell.Metrics.CsvMetricsWriter"/> writes for the
/// synthetic run, byte for byte (regenerate with REDO_UPDATE_EXAMPLES=1).
/// </summary>
public class DocsExampleRunTests
{
    [Fact]
    public void Example_metrics_csv_in_docs_is_the_writers_output()
    {
        var root = Directory.CreateTempSubdirectory("redo-example-").FullName;
        try
        {
            var written = File.ReadAllBytes(Path.Combine(PlotCommandTests.WriteRun(root, "example-run", 60, seed: 7), RunLayout.Metrics));
            var committed = Path.Combine(RepoRoot.Find(), "docs", "example-run", RunLayout.Metrics);
            if (Environment.GetEnvironmentVariable("REDO_UPDATE_EXAMPLES") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(committed)!);
                File.WriteAllBytes(committed, written);
            }
            Assert.Equal(written, File.ReadAllBytes(committed));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
