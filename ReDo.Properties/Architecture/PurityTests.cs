using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
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

    /// <summary>The simulator is mutable by design, but it too does no I/O and reads no clock: a seed decides everything.</summary>
    [Fact]
    public void The_simulator_references_only_the_base_library_the_core_and_the_generator()
    {
        var references = typeof(ReDo.MinAtar.MinAtarEnvironment).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System") || name is "netstandard" or "ReDo.Pure" or "ReDo.NumPyRandom", $"ReDo.MinAtar references {name}"));
    }

    /// <summary>NumPy's generator stands alone: the simulator, the agents and the MuJoCo tasks all draw from it.</summary>
    [Fact]
    public void The_generator_references_only_the_base_library()
    {
        var references = typeof(ReDo.NumPyRandom.RandomState).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System") || name == "netstandard", $"ReDo.NumPyRandom references {name}"));
    }

    [Theory]
    [InlineData("ReDo.Pure")]
    [InlineData("ReDo.MinAtar")]
    [InlineData("ReDo.NumPyRandom")]
    public void The_source_uses_no_effectful_api(string project)
    {
        var forbidden = new Regex(@"\b(File|Directory|Console|Stopwatch|Process|HttpClient|Thread|Task)\s*\.|DateTime(Offset)?\.(Now|UtcNow|Today)|\bEnvironment\.|System\.IO|new\s+System\.Random|Random\.Shared|Guid\.NewGuid");
        var root = Path.Combine(RepoRoot.Find(), project);
        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//") && !x.line.TrimStart().StartsWith("///") && forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, $"effects in {project}:\n" + string.Join("\n", offences));
    }

    static IEnumerable<Type> CoreTypes() =>
        typeof(NetworkSpec).Assembly.GetTypes().Where(t => !t.IsEnum && !CompilerMade(t));

    static bool CompilerMade(Type? t)
    {
        for (; t is not null; t = t.DeclaringType)
            if (t.GetCustomAttribute<CompilerGeneratedAttribute>() is not null || t.Name.Contains('<')) return true;
        return false;
    }

    /// <summary>Records in, records out: every field of every core type (static ones too: no globals) is readonly.</summary>
    [Fact]
    public void Every_field_in_the_core_is_readonly()
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var offences = CoreTypes()
            .SelectMany(t => t.GetFields(all).Where(f => !f.IsInitOnly && !f.IsLiteral).Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.True(offences.Count == 0, "mutable fields in ReDo.Pure:\n" + string.Join("\n", offences));
    }

    /// <summary>A public static array is a global anyone can write into (readonly guards the field, not its items): use ValueList.</summary>
    [Fact]
    public void No_public_static_member_of_the_core_is_an_array()
    {
        const BindingFlags shared = BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly;
        var offences = CoreTypes()
            .SelectMany(t => t.GetFields(shared).Where(f => f.FieldType.IsArray).Select(f => $"{t.FullName}.{f.Name} : {f.FieldType.Name}")
                .Concat(t.GetProperties(shared)
                    .Where(p => p.PropertyType.IsArray && p.GetMethod?.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
                    .Select(p => $"{t.FullName}.{p.Name} : {p.PropertyType.Name}")))
            .ToList();
        Assert.True(offences.Count == 0, "public static arrays in ReDo.Pure:\n" + string.Join("\n", offences));
    }

    /// <summary>
    /// Records that still hold arrays; each is to become ValueList. The list may only shrink: a new
    /// record with an array member fails.
    /// </summary>
    static readonly HashSet<string> ArraysStillToConvert =
    [
        "ReDo.Pure.Reports.CurveBand", "ReDo.Pure.Reports.RunCurves", "ReDo.Pure.Experiments.AxisPoint", "ReDo.Pure.Experiments.ExperimentAxis",
        "ReDo.Pure.Experiments.ExperimentSize", "ReDo.Pure.Experiments.ExperimentDefinition", "ReDo.Pure.Experiments.Series",
        "ReDo.Pure.Experiments.PlannedRun", "ReDo.Pure.Experiments.ExperimentPlan",
    ];

    /// <summary>A record compares by content; an array member would compare by reference (use ValueList).</summary>
    [Fact]
    public void No_core_record_holds_an_array()
    {
        var offences = CoreTypes()
            .Where(t => !ArraysStillToConvert.Contains(t.FullName!))
            .Where(t => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic) is not null))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType.IsArray && p.GetMethod?.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
                .Select(p => $"{t.FullName}.{p.Name} : {p.PropertyType.Name}"))
            .ToList();
        Assert.True(offences.Count == 0, "array-typed record members in ReDo.Pure:\n" + string.Join("\n", offences));
    }
}
