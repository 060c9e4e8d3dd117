using ReDo.Shell.Files;
using System.CommandLine;
using ReDo.Pure.Config;
using ReDo.MinAtar;
using ReDo.Shell.Agents;
using ReDo.Shell.Config;
using ReDo.Pure.Games;
using ReDo.Pure.Control;
using ReDo.Shell.Agents.Sac;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.MuJoCo;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo evaluate &lt;run folder&gt; [--episodes N] [--epsilon 0.001]</c>: greedy episodes of a trained run's
/// network — DQN's ε-greedy (ε = Agent:EpsilonEval) on MinAtar, SAC's mean action tanh(μ) on its MuJoCo task —
/// beside the uniformly random policy on the same episodes' seeds, as summary.json's final evaluation.
/// </summary>
public sealed class EvaluateCommand(IRunFiles files) : ICliCommand
{
    /// <param name="Episodes">null: the run's Run:EvalEpisodes (at least 1).</param>
    /// <param name="Epsilon">null: the run's Agent:EpsilonEval.</param>
    public sealed record Parameters(string Folder, int? Episodes, double? Epsilon);

    public Command Definition()
    {
        var folder = new Argument<string>("run folder") { Description = "a folder `redo train` wrote" };
        var episodes = CliOptions.Optional<int>("--episodes", "episodes to play (default: the run's Run:EvalEpisodes)", 1, 1_000_000);
        var epsilon = CliOptions.Optional<double>("--epsilon", "ε of the greedy policy (default: the run's Agent:EpsilonEval)", 0, 1);
        var command = new Command("evaluate", "greedy-policy episodes of a run's network (DQN: ε = 0.001; SAC: the mean action)") { folder, episodes, epsilon };
        command.SetAction(r => Run(new Parameters(r.GetValue(folder)!, r.GetValue(episodes), r.GetValue(epsilon))));
        return command;
    }

    public int Run(Parameters p)
    {
        var folder = p.Folder;
        var config = ConfigLoader.FromRunFolder(folder, files);
        int episodes = p.Episodes ?? Math.Max(config.Run.EvalEpisodes, 1);
        var weights = Path.Combine(folder, RunLayout.Weights);
        if (!files.Exists(weights)) throw new CliError($"'{folder}' has no {RunLayout.Weights}; it is written when training finishes.");
        if (config.Agent.Kind == AgentKind.Sac)
        {
            if (p.Epsilon is not null) throw new CliError("--epsilon applies to DQN runs; a SAC run is evaluated with its mean action tanh(μ).");
            var (greedy, uniform) = EvaluateSac(files, config, weights, episodes);
            Console.WriteLine($"{config.Run.Game}: {episodes} episodes, greedy (mean action): mean return {greedy.Average():0.00} ± {StandardError(greedy):0.00} (standard error; min {greedy.Min():0.00}, max {greedy.Max():0.00}); random policy on the same starts: {uniform.Average():0.00}");
            return 0;
        }
        double epsilon = p.Epsilon ?? config.Dqn.EpsilonEval;

        var game = config.Run.Game.MinAtarGame;
        var options = EnvironmentOptions.From(config.Dqn.Env);
        var probe = new MinAtarEnvironment(game, options);
        using var agent = new DqnAgent(config, probe.Channels, probe.ActionCount);
        try { agent.Online.load(weights); }
        catch (Exception e) { throw Unreadable(files, folder, weights, CheckpointParts.Write(agent.SaveWeights).Length, e); }
        var (mean, random) = GreedyEvaluation.AgainstRandom(agent, game, options, config.Run.Seed, episodes, epsilon);
        Console.WriteLine($"{config.Run.Game}: {episodes} episodes, ε = {epsilon}: mean return {mean:0.00} (random policy on the same seeds: {random:0.00})");
        return 0;
    }

    /// <summary>
    /// A finished SAC run's actor (online.weights) on its MuJoCo task: each episode's return of the mean
    /// action and of uniformly random actions, on the episodes summary.json's final evaluation played
    /// (<see cref="SacEpisodes.EpisodesAgainstRandom"/>: every episode from its own reset noise).
    /// </summary>
    public static (double[] Greedy, double[] Random) EvaluateSac(IRunFiles files, ExperimentConfig config, string weights, int episodes)
    {
        var task = ControlTasks.Get(config.Run.Game.Task ?? throw new CliError($"Run:Game = {config.Run.Game} is not a MuJoCo task; use one of {Game.TaskNames}"));
        if (!MuJoCoNative.IsAvailable(out var reason)) throw new CliError(reason);
        try
        {
            int observationSize, actionSize;
            using (var probe = new ControlEnvironment(task, 0)) (observationSize, actionSize) = (probe.ObservationSize, probe.ActionSize);
            // Acting needs no replay: keep its allocation at one batch instead of the run's 1 M transitions.
            var evaluation = config with { Agent = config.Sac with { ReplayCapacity = config.Sac.BatchSize } };
            using var agent = new SacAgent(evaluation, observationSize, actionSize);
            try
            {
                using var reader = new BinaryReader(new MemoryStream(files.ReadAllBytes(weights)));
                agent.LoadWeights(reader);
            }
            catch (Exception e) when (e is not CliError) { throw Unreadable(files, Path.GetDirectoryName(weights) ?? ".", weights, CheckpointParts.Write(agent.SaveWeights).Length, e); }
            return SacEpisodes.EpisodesAgainstRandom(agent, task, config.Run.Seed, episodes);
        }
        catch (Exception e) when (e is MuJoCoUnavailableException or MuJoCoModelException) { throw new CliError(e.Message); }
    }

    /// <summary>
    /// Weights that do not load, told apart by their length against this config's networks and by where
    /// reading stopped: shorter and ending mid-read is a truncated file (a full disk or a broken copy), the
    /// same length a damaged one, otherwise another network's (a narrower network's file is shorter too, but
    /// its tensors are read whole and refused by shape). The first two say how to get the file back from the
    /// run's final checkpoint.
    /// </summary>
    static CliError Unreadable(IRunFiles files, string folder, string weights, long expected, Exception e)
    {
        long length = files.Length(weights);
        var again = $"To write it again from the run's final checkpoint, delete {weights} and {Path.Combine(folder, RunLayout.Summary)}, then run: redo resume {folder}";
        return new CliError(length < expected && e is EndOfStreamException
            ? $"{weights} is truncated: {length:N0} bytes where this config's networks take {expected:N0} (a full disk or an interrupted copy while it was written). {again}"
            : length == expected
                ? $"{weights} is damaged: it has the length of this config's networks ({expected:N0} bytes) but does not load ({e.Message}). {again}"
                : $"{weights} holds {length:N0} bytes where this config's networks take {expected:N0}: it was written by another network (Agent:Network, Agent:WidthMultiplier, Sac:WidthMultiplier, the game or task) or is damaged ({e.Message}).");
    }

    static double StandardError(double[] v) =>
        v.Length < 2 ? 0 : Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1) / v.Length);
}
