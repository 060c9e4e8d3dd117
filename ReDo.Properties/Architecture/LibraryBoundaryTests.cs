using System.Text.RegularExpressions;
using ReDo.Recycling;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// The ReDo.Recycling library is what a user's own training loop references: TorchSharp and the core only
/// (no host, retries, plotting or command line), no disk or console of its own, no implicit Scalars.
/// </summary>
public class LibraryBoundaryTests
{
    [Fact]
    public void The_library_references_only_TorchSharp_and_the_core()
    {
        var references = typeof(DormantNeuronRecycler).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(
            name.StartsWith("System") || name is "netstandard" or "ReDo.Pure" or "TorchSharp",
            $"ReDo.Recycling references {name}; the library may depend on TorchSharp and ReDo.Pure only"));
    }

    [Fact]
    public void The_library_makes_no_implicit_scalar()
    {
        var violations = ImplicitScalarScan.Violations(typeof(DormantNeuronRecycler).Assembly);
        Assert.True(violations.Count == 0,
            "implicit TorchSharp Scalars in ReDo.Recycling (own one: see docs/torch-rules.md):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_library_source_touches_no_disk_or_console()
    {
        var forbidden = new Regex(@"(?<![\w.])(File|Directory|Console|Environment)\.[A-Z]\w*|new\s+(FileStream|StreamWriter|StreamReader)\s*\(");
        var root = Path.Combine(RepoRoot.Find(), "ReDo.Recycling");
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//") && forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "the library does effects a user's loop did not ask for:\n" + string.Join("\n", offences));
    }
}
