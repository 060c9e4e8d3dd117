using Xunit;

namespace ReDo.Properties.Integration.Readme;

/// <summary>Keeps the README honest: its C# snippet is a whole file of this project (using lines and all), compiled and run.</summary>
public class ReadmeTests
{
    static string Between(string text, string begin, string end)
    {
        int b = text.IndexOf(begin, StringComparison.Ordinal), e = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(b >= 0 && e > b, $"markers {begin} … {end} not found");
        return text[(b + begin.Length)..e].Replace("\r\n", "\n").Trim('\n');
    }

    [Fact]
    public void The_readme_snippet_is_the_compiled_snippet()
    {
        var root = RepoRoot.Find();
        var source = File.ReadAllText(Path.Combine(root, "ReDo.Properties", "Integration", "Readme", "ReadmeSnippet.cs"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var snippet = Between(source, "// README-BEGIN", "// README-END");
        var shown = Between(readme, "<!-- snippet: training-loop -->\n```csharp", "```\n<!-- /snippet -->");
        Assert.Equal(snippet, shown);
    }

    [Fact]
    public void The_readme_snippet_runs_and_scores_the_network()
    {
        var fraction = TrainingLoop.Run();
        Assert.InRange(fraction, 0.0, 1.0);
    }
}
