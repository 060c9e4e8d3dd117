using ReDo.Shell.Runs;
using System.CommandLine;
using ReDo.Pure.Config;
using ReDo.MinAtar;
using ReDo.Shell.Agents;
using ReDo.Shell.Config;
using ReDo.Pure.Games;

namespace ReDo.Shell.Cli;

/// <summary><c>redo evaluate &lt;run folder&gt; [--episodes N] [--epsilon 0.001]</c>: greedy episodes of a trained run's network.</summary>
public sealed class EvaluateCommand : ICliCommand
{
    /// <param name="Episodes">null: the run's Run:EvalEpisodes (at least 1).</param>
    /// <param name="Epsilon">null: the run's Agent:EpsilonEval.</param>
    public sealed record Parameters(string Folder, int? Episodes, double? Epsilon);

    public Command Definition()
    {
        var folder = new Argument<string>("run folder") { Description = "a folder `redo train` wrote" };
        var episodes = CliOptions.Optional<int>("--episodes", "episodes to play (default: the run's Run:EvalEpisodes)", 1, 1_000_000);
        var epsilon = CliOptions.Optional<double>("--epsilon", "ε of the greedy policy (default: the run's Agent:EpsilonEval)", 0, 1);
        var command = new Command("evaluate", "greedy-policy episodes (ε = 0.001) of a run's network") { folder, episodes, epsilon };
        command.SetAction(r => Run(new Parameters(r.GetValue(folder)!, r.GetValue(episodes), r.GetValue(epsilon))));
        return command;
    }

    public static int Run(Parameters p)
    {
        var folder = p.Folder;
        var config = ConfigLoader.FromRunFolder(folder);
        int episodes = p.Episodes ?? Math.Max(config.Run.EvalEpisodes, 1);
        double epsilon = p.Epsilon ?? config.Agent.EpsilonEval;
        var weights = Path.Combine(folder, Runner.WeightsFile);
        if (!File.Exists(weights)) throw new CliError($"'{folder}' has no {Runner.WeightsFile}; it is written when training finishes.");

        var game = config.Run.Game.MinAtarGame;
        var options = EnvironmentOptions.From(config.Env);
        var probe = new MinAtarEnvironment(game, options);
        using var agent = new DqnAgent(config, probe.Channels, probe.ActionCount);
        try { agent.Online.load(weights); }
        catch (Exception e) { throw new CliError($"{weights} could not be loaded ({e.Message}); was it written by this config's network?"); }
        var (mean, random) = GreedyEvaluation.AgainstRandom(agent, game, options, config.Run.Seed, episodes, epsilon);
        Console.WriteLine($"{config.Run.Game}: {episodes} episodes, ε = {epsilon}: mean return {mean:0.00} (random policy on the same seeds: {random:0.00})");
        return 0;
    }
}
