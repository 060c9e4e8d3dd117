using ReDo.Shell;
using ReDo.Shell.Cli;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ReDo.Properties.Examples.Cli;

/// <summary>The command line: every registered command has generated help, typos get a suggestion, bad input exits 2.</summary>
public class CliExamples
{
    static RedoCli Cli() => new ServiceCollection().AddReDoCommands().BuildServiceProvider().GetRequiredService<RedoCli>();

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var command in Cli().Root().Subcommands)
        {
            data.Add(command.Name);
            foreach (var sub in command.Subcommands) data.Add($"{command.Name} {sub.Name}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_has_help(string path)
    {
        var (exit, output, _) = Capture(() => Cli().Run([.. path.Split(' '), "--help"]));
        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output);
        Assert.Contains($"redo {path}", output.Replace("testhost", "redo"));
    }

    [Fact]
    public void A_misspelt_command_or_option_is_answered_with_a_suggestion_and_exit_code_2()
    {
        var (exit, output, error) = Capture(() => Cli().Run(["scroe"]));
        Assert.Equal(2, exit);
        Assert.Contains("score", output + error);
        (exit, output, error) = Capture(() => Cli().Run(["score", "--tua", "0.2"]));
        Assert.Equal(2, exit);
        Assert.Contains("--tau", output + error);
    }

    [Fact]
    public void Out_of_range_values_name_the_option_and_the_range()
    {
        var (exit, output, error) = Capture(() => Cli().Run(["score", "--tau", "-1"]));
        Assert.Equal(2, exit);
        Assert.Contains("--tau = -1: allowed 0 … 1000000", output + error);
    }

    static (int Exit, string Out, string Error) Capture(Func<int> run) => CliRun.Capture(run);
}
