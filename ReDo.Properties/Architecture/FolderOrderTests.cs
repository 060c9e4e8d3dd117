using System.Text.RegularExpressions;
using ReDo.Recycling;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>
/// The folders read top-down: CLI → runs → agents → {environments, recycling, networks, optimizers} →
/// tensors. Each project's folders stand in layers; a folder may use the layers below its own and
/// nothing else, so no two folders use each other. What counts as a use: <see cref="FolderImports"/>
/// (the compiled types and the using directives together).
/// </summary>
public class FolderOrderTests
{
    /// <summary>ReDo.Shell's layers, top first, each with what its folders hold.</summary>
    static readonly (string[] Folders, string Holds)[] ShellLayers =
    [
        ([FolderImports.Root], "the composition root: Program and Composition start and register everything"),
        (["Benchmarks"], "`redo bench`: commands that time the code and print side-by-side figures"),
        (["Cli"], "the commands: typed options in, a call, lines out"),
        (["Analyses", "Play", "Traces", "Study"], "what commands do besides training: analyses of trained runs; MinAtar in the terminal; golden-trace checks; a pre-registered study's report over its experiments"),
        (["Experiments"], "experiment plans, queues, status and reports, which start runs through run specs"),
        (["Runs"], "the runner, the run service, crash recovery, run specs and the queue worker"),
        (["Agents"], "DQN, DrQ(ε) and SAC with their checkpoint parts, the factory and the interaction it builds"),
        (["Environments"], "the environments the runner drives"),
        (["MuJoCo"], "the MuJoCo simulation"),
        (["Checkpoints", "Plotting", "Config"], "a run's saved state, its figures, its configuration"),
        (["Metrics"], "metrics.csv, TensorBoard and the dormancy log"),
        (["Files", "Torch", "Slurm"], "the outside: the disk (the file seam and the run layout), tensors, the cluster's commands"),
    ];

    /// <summary>ReDo.Recycling's layers: the recycler (FrontDoor/ and Recycler/, the package's root namespace) on top.</summary>
    static readonly (string[] Folders, string Holds)[] RecyclingLayers =
    [
        ([FolderImports.Root], "the recycler: the front door and what it does to a network and its optimizer"),
        (["Networks", "Optimizers"], "networks ReDo can score and recycle; the flat optimizers and optimizer states"),
        (["Discovery"], "finding the layers of any module by one traced forward"),
        (["Torch"], "tensors: libtorch's settings and owned scalars"),
    ];

    public static TheoryData<string> Projects => ["ReDo.Shell", "ReDo.Recycling"];

    static (IReadOnlyList<FolderImport> Imports, (string[] Folders, string Holds)[] Layers) Of(string project) => project switch
    {
        "ReDo.Shell" => (FolderImports.Of(typeof(Runner).Assembly, "ReDo.Shell", Source(project)), ShellLayers),
        "ReDo.Recycling" => (FolderImports.Of(typeof(DormantNeuronRecycler).Assembly, "ReDo.Recycling", Source(project)), RecyclingLayers),
        _ => throw new ArgumentException(project),
    };

    static string Source(string project) => Path.Combine(RepoRoot.Find(), project);

    /// <summary>A folder's imports that break the layer order (or name a folder no layer holds), one line each.</summary>
    internal static IReadOnlyList<string> Violations(IEnumerable<FolderImport> imports, (string[] Folders, string Holds)[] layers)
    {
        int? LayerOf(string folder) => Array.FindIndex(layers, l => l.Folders.Contains(folder)) is var i and >= 0 ? i : null;
        return [.. imports
            .Where(i => LayerOf(i.From) is not { } from || LayerOf(i.To) is not { } to || from >= to)
            .GroupBy(i => (i.From, i.To))
            .Select(g => LayerOf(g.Key.From) is null || LayerOf(g.Key.To) is null
                ? $"{g.Key.From} → {g.Key.To}: {(LayerOf(g.Key.From) is null ? g.Key.From : g.Key.To)} stands in no layer; add it to the layer of what it holds ({g.First().Where})"
                : $"{g.Key.From} → {g.Key.To} goes {(LayerOf(g.Key.From) == LayerOf(g.Key.To) ? "sideways" : "up")}: {string.Join("; ", g.Select(i => i.Where).Distinct().Take(3))}")
            .Order()];
    }

    /// <summary>Pairs of folders that use each other, with where each side does.</summary>
    internal static IReadOnlyList<string> TwoWayPairs(IEnumerable<FolderImport> imports)
    {
        var byPair = imports.GroupBy(i => (i.From, i.To)).ToDictionary(g => g.Key, g => g.First().Where);
        return [.. byPair.Keys
            .Where(p => string.CompareOrdinal(p.From, p.To) < 0 && byPair.ContainsKey((p.To, p.From)))
            .Select(p => $"{p.From} ⇄ {p.To}: {byPair[p]}; and {byPair[(p.To, p.From)]}")
            .Order()];
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_two_folders_use_each_other(string project)
    {
        var pairs = TwoWayPairs(Of(project).Imports);
        Assert.True(pairs.Count == 0, $"folders of {project} that use each other (move the shared part below both):\n" + string.Join("\n", pairs));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_uses_only_the_layers_below_it(string project)
    {
        var (imports, layers) = Of(project);
        var violations = Violations(imports, layers);
        Assert.True(violations.Count == 0,
            $"imports against the layer order of {project} (top first: {string.Join(" → ", layers.Select(l => "{" + string.Join(", ", l.Folders) + "}"))}):\n" + string.Join("\n", violations));
    }

    /// <summary>The IL view sees a use that no source line spells (LayerFixture.cs), and the real runner's use of its agent.</summary>
    [Fact]
    public void The_compiled_view_sees_uses_that_no_line_spells()
    {
        var fixture = FolderImports.Compiled(typeof(FolderOrderTests).Assembly.Location, "ReDo.Properties.Architecture.LayerFixture").ToList();
        Assert.Contains(fixture, i => i is { From: "Upper", To: "Lower" });
        Assert.Contains(fixture, i => i is { From: "Upper", To: "Middle" } && i.Where.EndsWith("Reader uses ReDo.Properties.Architecture.LayerFixture.Middle.Maker", StringComparison.Ordinal));
        Assert.Contains(fixture, i => i is { From: "Middle", To: "Lower" });
        Assert.DoesNotContain(fixture, i => i.To == "Upper" || i.From == "Lower");
        var shell = FolderImports.Compiled(typeof(Runner).Assembly.Location, "ReDo.Shell").ToList();
        Assert.Contains(shell, i => i is { From: "Runs", To: "Agents" } && i.Where.StartsWith("ReDo.Shell.Runs.Runner uses", StringComparison.Ordinal));
    }

    /// <summary>The checks catch a planted back-import: a file of Runs/ that imports the command line, used or not.</summary>
    [Fact]
    public void A_planted_back_import_is_caught()
    {
        var real = Of("ReDo.Shell").Imports;
        var planted = real.Concat(FolderImports.UsingsOf("Runs/Runner.cs", "using ReDo.Pure;\nusing ReDo.Shell.Cli;\n\nnamespace ReDo.Shell.Runs;", "ReDo.Shell")).ToList();
        Assert.Contains(TwoWayPairs(planted), p => p.StartsWith("Cli ⇄ Runs", StringComparison.Ordinal));
        Assert.Contains(Violations(planted, ShellLayers), v => v.StartsWith("Runs → Cli goes up", StringComparison.Ordinal));
        Assert.Contains(Violations([new FolderImport("Runs", "Gadgets", "x")], ShellLayers), v => v.Contains("Gadgets stands in no layer"));
    }

    /// <summary>
    /// A file's namespace is its project and folder path (so a compiled type tells its folder), except where
    /// the exception says why.
    /// </summary>
    [Theory]
    [InlineData("ReDo.Shell")]
    [InlineData("ReDo.Recycling")]
    [InlineData("ReDo.MinAtar")]
    [InlineData("ReDo.NumPyRandom")]
    [InlineData("ReDo.Pure")]
    public void Namespaces_follow_folders(string project)
    {
        var exceptions = new Dictionary<string, string>
        {
            ["ReDo.Shell/Program.cs"] = "",   // top-level statements: the global namespace, the composition root
            ["ReDo.Recycling/FrontDoor/"] = "ReDo.Recycling",   // the package's front door: one using for a user
            ["ReDo.Recycling/Recycler/"] = "ReDo.Recycling",    // what the front door calls, public beside it
        };
        var root = Source(project);
        var namespaceLine = new Regex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline);
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
            .Select(f =>
            {
                var declared = namespaceLine.Match(File.ReadAllText(Path.Combine(root, f))) is { Success: true } m ? m.Groups[1].Value : "";
                var path = $"{project}/{f}";
                var expected = exceptions.FirstOrDefault(e => path.StartsWith(e.Key, StringComparison.Ordinal)).Value
                               ?? string.Join('.', [project, .. f.Split('/')[..^1]]);
                return (path, declared, expected);
            })
            .Where(x => x.declared != x.expected)
            .Select(x => $"{x.path}: namespace {x.declared}, expected {x.expected}")
            .ToList();
        Assert.True(offences.Count == 0, "namespaces that do not follow their folders:\n" + string.Join("\n", offences));
    }
}
