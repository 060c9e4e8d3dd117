using System.Text.RegularExpressions;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// Comments cite the paper or a file in this repository, never a document a reader cannot open
/// (docs/architecture.md, "Citations"): every <c>.md</c> path named in the C# sources must exist, a bare
/// file name is allowed only for the files the program itself writes, and a section sign after the bare word
/// "spec" (which spec?) is refused.
/// </summary>
public class CitationTests
{
    /// <summary>Bare .md names that are outputs of the program, not citations.</summary>
    static readonly string[] WrittenFiles = ["report.md"];

    static readonly Regex MdReference = new(@"[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b");
    static readonly Regex BareSpec = new(@"\bspec\s*§", RegexOptions.IgnoreCase);

    static IEnumerable<(string File, int Line, string Text)> SourceLines(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git"))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(root, f), i + 1, text)));

    /// <summary>The comment part of a line: from the first // that is not part of a URL.</summary>
    static string? Comment(string line)
    {
        var match = Regex.Match(line, @"(?<!:)//");
        return match.Success ? line[match.Index..] : null;
    }

    /// <summary>What is wrong with the citations of one line (empty when nothing is).</summary>
    internal static IEnumerable<string> Problems(string root, string line)
    {
        foreach (Match m in MdReference.Matches(line))
        {
            var name = m.Value.TrimStart('.', '/');
            if (name.Contains('/'))
            {
                if (!File.Exists(Path.Combine(root, name)))
                    yield return $"{m.Value} is not a file in the repository (copy the document into docs/ or cite the paper)";
            }
            else if (Comment(line) is { } comment && comment.Contains(m.Value) && !WrittenFiles.Contains(name))
                yield return $"{m.Value} has no path: cite it by its path from the repository root (e.g. docs/specs/{name})";
        }
        if (Comment(line) is { } c && BareSpec.IsMatch(c))
            yield return "\"spec §…\" names no document: cite the paper or docs/specs/<file>.md §…";
    }

    [Fact]
    public void Every_cited_document_is_in_the_repository()
    {
        var root = RepoRoot.Find();
        var offences = SourceLines(root)
            .SelectMany(l => Problems(root, l.Text).Select(p => $"{l.File}:{l.Line}: {p}"))
            .ToList();
        Assert.True(offences.Count == 0, "citations that do not resolve:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_scan_catches_a_missing_document_a_bare_name_and_a_bare_spec()
    {
        var root = RepoRoot.Find();
        Assert.Empty(Problems(root, "/// Breakout (docs/specs/minatar-spec.md §5): a paddle."));
        Assert.Empty(Problems(root, "var path = Path.Combine(folder, \"report.md\"); // writes report.md"));
        // The offending citations are assembled so that this file does not trip the scan itself.
        Assert.Single(Problems(root, "/// see docs/golden-regression" + ".md for the bands."));
        Assert.Single(Problems(root, "// as redo-algorithm" + ".md §5.1 says"));
        Assert.Single(Problems(root, "/// the wrapper (spec " + "§2)"));
    }
}
