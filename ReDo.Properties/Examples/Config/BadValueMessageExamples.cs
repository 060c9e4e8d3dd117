using ReDo.Pure;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>A value of the wrong kind is named with its key, the value given and what the key allows, in the user's words, not .NET's type names.</summary>
public class BadValueMessageExamples
{
    static string Refusal(params string[] sets)
    {
        var config = Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-dqn-redo.json");
        return Assert.Throws<ConfigException>(() => ConfigLoader.Load(config, sets, TestDisk.Files)).Message;
    }

    [Theory]
    [InlineData("Run:Frames=abc", "Run:Frames = 'abc' is not allowed; it takes a whole number")]
    [InlineData("Run:Frames=1e5", "Run:Frames = '1e5' is not allowed; it takes a whole number")]
    [InlineData("Redo:Enabled=yes", "Redo:Enabled = 'yes' is not allowed; it takes true or false")]
    [InlineData("Agent:ReplayRatio=lots", "Agent:ReplayRatio = 'lots' is not allowed; it takes a number")]
    [InlineData("Run:Frames=", "--set 'Run:Frames=' gives Run:Frames no value")]
    public void Bad_values_name_key_value_and_what_is_allowed(string set, string expected)
    {
        var message = Refusal(set);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("(Parameter", message);
    }
}
