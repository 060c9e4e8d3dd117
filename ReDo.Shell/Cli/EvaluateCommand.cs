using ReDo.Pure.Config;
using ReDo.MinAtar;
using ReDo.Shell.Agents;
using ReDo.Shell.Config;

namespace ReDo.Shell.Cli;

/// <summary><c>redo evaluate &lt;run folder&gt; [--episodes N] [--epsilon 0.001]</c>: greedy episodes of a trained run's network.</summary>
public sealed class EvaluateCommand : ICommand
{
    public string Name => "evaluate";
    public string Summary => "greedy-policy episodes (ε = 0.001) of a run's network: evaluate <run folder> [--episodes N] [--epsilon e]";

    public int Run(IReadOnlyList<string> argv)
    {
        var a = new Args(argv);
        if (a.Positional.Count != 1) throw new CliError("name one run folder, e.g. redo evaluate runs/minatar-breakout-dqn-redo-seed0-….");
        var folder = a.Positional[0];
        var config = ConfigLoader.FromRunFolder(folder);
        int episodes = a.Int("episodes", Math.Max(config.Run.EvalEpisodes, 1), 1, 1_000_000);
        double epsilon = a.Double("epsilon", config.Agent.EpsilonEval, 0, 1);
        a.RejectUnknown();
        var weights = Path.Combine(folder, Trainer.WeightsFile);
        if (!File.Exists(weights)) throw new CliError($"'{folder}' has no {Trainer.WeightsFile}; it is written when training finishes.");

        var game = config.Run.GameId();
        var options = config.Env.ToEnvironmentOptions();
        var probe = new MinAtarEnvironment(game, options);
        using var agent = new DqnAgent(config, probe.Channels, probe.ActionCount);
        try { agent.Online.load(weights); }
        catch (Exception e) { throw new CliError($"{weights} could not be loaded ({e.Message}); was it written by this config's network?"); }
        var (mean, random) = GreedyEvaluation.AgainstRandom(agent, game, options, config.Run.Seed, episodes, epsilon);
        Console.WriteLine($"{config.Run.Game}: {episodes} episodes, ε = {epsilon}: mean return {mean:0.00} (random policy on the same seeds: {random:0.00})");
        return 0;
    }
}
