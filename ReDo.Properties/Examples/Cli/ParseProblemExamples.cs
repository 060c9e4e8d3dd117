using Xunit;

namespace ReDo.Properties.Examples.Cli;

/// <summary>A command line the parser refuses is answered in a few lines naming the problem and the fix, never the parser's 36 lines of help.</summary>
public class ParseProblemExamples
{
    static (int Exit, string[] Lines) Run(params string[] args)
    {
        var (exit, output, error) = CliRun.Capture(() => CliRun.All().Run(args));
        return (exit, (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_unknown_command_is_named_with_the_commands_in_at_most_three_lines()
    {
        var (exit, lines) = Run("frobnicate", "x.json");
        Assert.Equal(2, exit);
        Assert.InRange(lines.Length, 1, 3);
        var text = string.Join('\n', lines);
        Assert.Contains("'frobnicate' is not a command", text);
        foreach (var command in CliRun.All().Root().Subcommands) Assert.Contains(command.Name, text);
        Assert.Contains("redo --help", text);
        Assert.DoesNotContain("Required command was not provided", text);
        Assert.DoesNotContain("x.json", text);
    }

    [Fact]
    public void A_misspelt_command_gets_the_nearest_one()
    {
        var (_, lines) = Run("trian");
        Assert.Contains("did you mean train?", lines[0]);
    }

    [Theory]
    [InlineData("--frames", "20000", "--set Run:Frames=20000")]
    [InlineData("--seed", "3", "--set Run:Seed=3")]
    [InlineData("--replay-ratio", "2", "--set Agent:ReplayRatio=2 or --set Sac:ReplayRatio=2")]
    public void An_option_that_is_a_config_key_points_to_set(string option, string value, string hint)
    {
        var (exit, lines) = Run("train", "minatar-breakout-dqn", option, value);
        Assert.Equal(2, exit);
        Assert.Equal(2, lines.Length);
        Assert.Contains($"{option} is not an option of redo train", lines[0]);
        Assert.Contains(hint, lines[0]);
    }

    [Theory]
    [InlineData(new[] { "minatar", "play", "--game", "breakout", "--seed", "-1" }, "--seed = -1: allowed a whole number from 0 to 4294967295")]
    [InlineData(new[] { "minatar", "play", "--game", "breakout", "--steps", "1e3" }, "--steps = 1e3: allowed a whole number")]
    [InlineData(new[] { "minatar", "play", "--game", "pong" }, "--game = pong: allowed one of asterix, breakout, freeway, seaquest, space_invaders")]
    [InlineData(new[] { "worker", "--queue", "q", "--parallel", "x" }, "--parallel = x: allowed a whole number")]
    [InlineData(new[] { "worker", "--queue", "q", "--parallel", "0" }, "--parallel = 0: allowed 1 … 256")]
    [InlineData(new[] { "analyze", "prune", "r", "--tau", "abc" }, "--tau = abc: allowed a number")]
    public void A_value_of_the_wrong_kind_names_the_option_the_value_and_what_is_allowed(string[] args, string expected)
    {
        var (exit, lines) = Run(args);
        Assert.Equal(2, exit);
        var text = string.Join('\n', lines);
        Assert.Contains(expected, text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("   at ", text);
    }
}
