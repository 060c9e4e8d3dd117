using ReDo.Pure;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>
/// A value of the wrong kind is named with its key, the value as given and what the key allows, in the
/// user's words, not .NET's type names (BadValueLaws states it for every key; these pin the words).
/// </summary>
public class BadValueMessageExamples
{
    static string Config => Path.Combine(RepoRoot.Find(), "configs", "minatar-breakout-dqn-redo.json");

    static string Refusal(params string[] sets) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(Config, sets, TestDisk.Files)).Message;

    static string FileRefusal(string json) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.LoadJson(json, [], "my.json")).Message;

    [Theory]
    [InlineData("Run:Frames=abc", "Run:Frames = abc: allowed a whole number such as 100000 (no exponent, no separators)")]
    [InlineData("Run:Frames=1e5", "Run:Frames = 1e5: allowed a whole number")]
    [InlineData("Run:Frames=", "Run:Frames = '': allowed a whole number")]
    [InlineData("Run:Seed=99999999999", "Run:Seed = 99999999999: allowed a whole number such as 1000 (no exponent, no separators; at most 2147483647)")]
    [InlineData("Redo:Enabled=yes", "Redo:Enabled = yes: allowed true or false")]
    [InlineData("Agent:ReplayRatio=lots", "Agent:ReplayRatio = lots: allowed a number such as 0.25")]
    [InlineData("Agent:LearningRate=1,5", "Agent:LearningRate = 1,5: allowed a number such as 0.25 (a point for decimals, no separators)")]
    [InlineData("Agent:LearningRate=1e5", "Agent:LearningRate = 1e5: allowed 0 < lr < 10")]
    [InlineData("Redo:Redraw=1", "Redo:Redraw = 1: allowed one of Layer, Xavier")]
    [InlineData("Run:Game=pong", "Run:Game = pong: allowed a MinAtar game (asterix, breakout")]
    [InlineData("Reset:Layers=Dense_0", "Reset:Layers = Dense_0: allowed a list of names: [\"a\", \"b\"] in a file, --set Reset:Layers:0=a")]
    [InlineData("Run=5", "Run = 5: allowed an object of Run's keys")]
    [InlineData("Redo:StartStep=-1", "Redo:StartStep = -1: allowed ≥ 0")]
    [InlineData("Agent:AdamEpsilon=Infinity", "Agent:AdamEpsilon = Infinity: allowed a finite number > 0")]
    public void Bad_values_given_with_set_name_key_value_and_what_is_allowed(string set, string expected)
    {
        var message = Refusal(set);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("(Parameter", message);
        Assert.DoesNotContain("Index was outside", message);
    }

    [Theory]
    [InlineData("""{ "Run": null }""", "my.json: Run = null: allowed an object of Run's keys, e.g. \"Run\": { \"Game\": … }; leave \"Run\" out for all its defaults")]
    [InlineData("""{ "Sac": null }""", "Sac = null: allowed an object of Sac's keys")]
    [InlineData("""{ "Run": { "Frames": null } }""", "Run:Frames = null: allowed a whole number such as 100000 (no exponent, no separators); leave the key out for its default")]
    [InlineData("""{ "Run": { "Frames": "lots" } }""", "Run:Frames = lots: allowed a whole number")]
    [InlineData("""{ "Run": { "Frames": true } }""", "Run:Frames = true: allowed a whole number")]
    [InlineData("""{ "Run": { "Frames": [1, 2] } }""", "Run:Frames = [1,2]: allowed a whole number")]
    [InlineData("""{ "Agent": { "LearningRate": 1e-300, "Discount": 1.50 } }""", "Agent:Discount = 1.50: allowed 0 … 1")]
    [InlineData("""{ "Reset": { "Layers": "Dense_0" } }""", "Reset:Layers = Dense_0: allowed a list of names")]
    [InlineData("""{ "Reset": { "Layers": [] } }""", "Reset:Layers = []: allowed at least one layer name")]
    [InlineData("""{ "Reset": { "Layers": ["Dense_0", null] } }""", "Reset:Layers:1 = null: allowed a name (a JSON string)")]
    [InlineData("""{ "Run": { "Frames": 10, "frames": 20 } }""", "Run:frames is given twice: keep one")]
    [InlineData("""[1, 2]""", "my.json: the file holds [1,2]: allowed an object of sections (Run, Env, Agent, Redo, Reset, Sac)")]
    public void Bad_values_in_a_file_name_key_value_and_what_is_allowed(string json, string expected)
    {
        var message = FileRefusal(json);
        Assert.Contains(expected, message);
        Assert.DoesNotContain("System.", message);
    }

    [Fact]
    public void A_layer_the_network_does_not_have_is_refused_before_a_run_folder_is_made() =>
        Assert.Contains("Reset:Layers = [Dense_0, foo]: allowed names of the minatar network's layers: Conv_0, Dense_0, final_layer",
            Refusal("Redo:Enabled=false", "Reset:Enabled=true", "Reset:Layers:1=foo"));

    [Fact]
    public void A_null_for_a_key_that_may_be_unset_is_its_default()
    {
        var config = ConfigLoader.LoadJson("""{ "Env": { "Cycle": null } }""", [], "my.json");
        Assert.Null(config.Dqn.Env.Cycle);
    }
}
