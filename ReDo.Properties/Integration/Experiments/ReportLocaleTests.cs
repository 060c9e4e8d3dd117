using ReDo.Shell.Experiments;
using Xunit;

namespace ReDo.Properties.Integration.Experiments;

/// <summary>
/// A report does not follow the machine's locale: `redo report` on a shipped folder under a German
/// locale (where .NET writes "2.000 resamples" and axis ticks "0,05") writes the same report.md as the
/// shipped one, and the same figures as under C.UTF-8, byte for byte.
/// </summary>
public class ReportLocaleTests
{
    [Fact]
    public void A_report_made_under_a_German_locale_reads_as_the_shipped_one()
    {
        var root = RepoRoot.Find();
        var shipped = Path.Combine(root, "docs", "results", "sac-mujoco");
        var anchors = AnchorFiles.In(root);
        string Report(string locale)
        {
            var output = TinyRuns.NewFolder($"report-{locale}");
            var environment = new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale };
            using var redo = RedoProcess.Start(environment, "report", shipped, "--out", output, "--random", anchors.RandomPolicy, "--published", anchors.Published,
                "--random-mujoco", anchors.RandomPolicyMuJoCo, "--sac-reference", anchors.SacReference);
            Assert.True(redo.WaitForExit(RedoProcess.Patience) == 0, redo.Output);
            return output;
        }

        var german = Report("de_DE.UTF-8");
        var plain = Report("C.UTF-8");
        Assert.Equal(File.ReadAllText(Path.Combine(shipped, "report.md")), File.ReadAllText(Path.Combine(german, "report.md")));
        var figures = Directory.GetFiles(plain, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(figures);
        Assert.Equal(figures, Directory.GetFiles(german, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var svg in figures)
            Assert.True(File.ReadAllText(Path.Combine(plain, svg!)) == File.ReadAllText(Path.Combine(german, svg!)), $"{svg} differs between C.UTF-8 and de_DE.UTF-8");
    }
}
