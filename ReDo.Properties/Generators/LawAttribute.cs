using FsCheck.Xunit;
using Xunit.Sdk;

namespace ReDo.Properties.Generators;

/// <summary>
/// Every FsCheck property of the suite: <see cref="Runs"/> random cases, unless the environment
/// variable <c>REDO_PROPERTY_RUNS</c> sets one count for all properties (e.g. 10000 before landing a
/// new law). FsCheck.Xunit still runs it, so a failure prints its replay seed.
/// </summary>
[XunitTestCaseDiscoverer("FsCheck.Xunit.PropertyDiscoverer", "FsCheck.Xunit")]
public sealed class LawAttribute : PropertyAttribute
{
    public const string RunsVariable = "REDO_PROPERTY_RUNS";

    /// <summary>FsCheck's own default run count.</summary>
    public const int DefaultRuns = 100;

    public LawAttribute() => MaxTest = PropertyRuns.Resolve(DefaultRuns);

    /// <summary>This property's run count when <c>REDO_PROPERTY_RUNS</c> is not set.</summary>
    public int Runs
    {
        get => MaxTest;
        set => MaxTest = PropertyRuns.Resolve(value);
    }
}

/// <summary>The one place the suite's property run count is decided.</summary>
public static class PropertyRuns
{
    public static int Resolve(int runs) => Override(Environment.GetEnvironmentVariable(LawAttribute.RunsVariable)) ?? runs;

    /// <summary>The count the variable sets, or null when unset; anything but a positive integer is refused.</summary>
    public static int? Override(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, out var n) && n > 0 ? n
        : throw new ArgumentException($"{LawAttribute.RunsVariable}='{text}' is not a positive integer: set it to a run count such as 10000, or unset it for each property's default");
}
