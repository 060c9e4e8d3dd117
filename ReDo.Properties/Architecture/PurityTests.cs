using System.Text.RegularExpressions;
using ReDo.Properties.Readme;
using ReDo.Pure.Networks;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>The functional core stays pure: no TorchSharp, no host, no files, clocks, console or process globals.</summary>
public class PurityTests
{
    [Fact]
    public void The_core_references_only_the_base_library()
    {
        var references = typeof(NetworkSpec).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System") || name == "netstandard", $"ReDo.Pure references {name}"));
    }

    [Fact]
    public void The_core_source_uses_no_effectful_api()
    {
        var forbidden = new Regex(@"\b(File|Directory|Console|Stopwatch|Process|HttpClient|Thread|Task)\s*\.|DateTime(Offset)?\.(Now|UtcNow|Today)|Environment\.|System\.IO|new\s+System\.Random|Random\.Shared|Guid\.NewGuid");
        var root = Path.Combine(ReadmeTests.RepoRoot(), "ReDo.Pure");
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//") && !x.line.TrimStart().StartsWith("///") && forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "effects in ReDo.Pure:\n" + string.Join("\n", offences));
    }
}
