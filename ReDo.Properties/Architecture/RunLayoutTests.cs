using System.Reflection;
using System.Text.RegularExpressions;
using ReDo.Shell.Files;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// A run folder's file names are spelled once, in <see cref="RunLayout"/> (the checkpoint folder's and the
/// manifest's in ReDo.Pure, which RunLayout repeats by reference): no other source of the shell or the
/// core spells one as a string literal, except where the list below says why.
/// </summary>
public class RunLayoutTests
{
    /// <summary>Files (under ReDo.Shell/ or ReDo.Pure/) that may spell a name, and why.</summary>
    static readonly Dictionary<(string File, string Name), string> Allowed = new()
    {
        [("ReDo.Pure/Analyses/SupervisedCharts.cs", "dormant.png")] = "the supervised experiment's own output folder, not a run folder",
        [("ReDo.Shell/Cli/SupervisedCommand.cs", "dormant.png")] = "names the supervised experiment's figure it wrote",
    };

    static IReadOnlyList<string> Names() =>
        [.. typeof(RunLayout).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    internal static IEnumerable<string> Offences(string file, string text, IEnumerable<string> names) =>
        names.Where(n => !Allowed.ContainsKey((file, n)) && Regex.IsMatch(text, "\"" + Regex.Escape(n) + "\""))
            .Select(n => $"{file}: \"{n}\" (use RunLayout)");

    [Fact]
    public void No_source_but_RunLayout_spells_a_run_folder_file()
    {
        var root = RepoRoot.Find();
        var names = Names();
        var offences = new[] { "ReDo.Shell", "ReDo.Pure" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Where(f => f is not "ReDo.Shell/Files/RunLayout.cs" and not "ReDo.Pure/Runs/CheckpointNames.cs" and not "ReDo.Pure/Runs/CheckpointManifest.cs")
            .SelectMany(f => Offences(f, File.ReadAllText(Path.Combine(root, f)), names))
            .ToList();
        Assert.True(offences.Count == 0, "run-folder file names spelled outside RunLayout:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_scan_sees_a_spelled_name_and_not_the_constant()
    {
        Assert.Contains("metrics.csv", Names());
        Assert.Contains("manifest.json", Names());
        Assert.Single(Offences("ReDo.Shell/Runs/X.cs", "var path = Path.Combine(folder, \"metrics.csv\");", Names()));
        Assert.Empty(Offences("ReDo.Shell/Runs/X.cs", "var path = Path.Combine(folder, RunLayout.Metrics); // metrics.csv", Names()));
    }
}
