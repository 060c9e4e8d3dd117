using System.Reflection;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using Xunit;

namespace ReDo.Properties.Architecture;

/// <summary>REDO_PROPERTY_RUNS reaches every property: all of them are [Law]s, and the knob parses strictly.</summary>
public class PropertyRunsTests
{
    [Fact]
    public void Every_fscheck_property_of_the_suite_is_a_law()
    {
        var bare = typeof(PropertyRunsTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<PropertyAttribute>().Any(a => a is not LawAttribute))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(bare.Count == 0, "use [Law(Runs = n)] instead of [Property] so REDO_PROPERTY_RUNS applies:\n" + string.Join("\n", bare));
        Assert.True(typeof(PropertyRunsTests).Assembly.GetTypes().SelectMany(t => t.GetMethods()).Count(m => m.GetCustomAttribute<LawAttribute>() is not null) >= 30);
    }

    [Fact]
    public void The_run_count_override_is_a_positive_integer_or_unset()
    {
        Assert.Null(PropertyRuns.Override(null));
        Assert.Null(PropertyRuns.Override(" "));
        Assert.Equal(10000, PropertyRuns.Override("10000"));
        foreach (var bad in new[] { "0", "-5", "1e4", "many" })
            Assert.Contains("REDO_PROPERTY_RUNS", Assert.Throws<ArgumentException>(() => PropertyRuns.Override(bad)).Message);
    }

    [Fact]
    public void A_law_runs_its_own_count_unless_the_variable_is_set()
    {
        var expected = PropertyRuns.Override(Environment.GetEnvironmentVariable(LawAttribute.RunsVariable));
        Assert.Equal(expected ?? 300, new LawAttribute { Runs = 300 }.MaxTest);
        Assert.Equal(expected ?? LawAttribute.DefaultRuns, new LawAttribute().MaxTest);
    }
}
