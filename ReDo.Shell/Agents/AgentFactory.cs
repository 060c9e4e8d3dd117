using ReDo.Pure;
using ReDo.MinAtar;
using ReDo.Pure.Config;
using ReDo.Pure.Control;
using ReDo.Shell.Agents.Sac;
using ReDo.Shell.MuJoCo;
using ReDo.Shell.Environments;
using ReDo.Pure.Games;

namespace ReDo.Shell.Agents;

/// <summary>
/// The one place that turns a config into an agent and its environment (docs/architecture.md, "How an
/// agent plugs in"). Everything after this — the runner, checkpoints, metrics, the worker — sees only
/// <see cref="IInteraction"/> and <see cref="IAgent"/>.
/// </summary>
public static class AgentFactory
{
    /// <summary>
    /// DQN (and DrQ(ε), which is DQN's settings) on the config's MinAtar game. The environment is
    /// created before the agent, as the agent's construction draws from libtorch's global generator.
    /// </summary>
    public static IInteraction Create(ExperimentConfig config)
    {
        if (config.Agent.Kind == AgentKind.Sac) return Sac(config);
        var game = config.Run.Game.MinAtarGame;
        var options = EnvironmentOptions.From(config.Dqn.Env);
        if (config.Dqn.Env.GameCycle() is { } cycle) return GameCycle(config, cycle, options);
        var env = MinAtarEnvironment.Create(game, (uint)config.Run.Seed, options);
        var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        return new Interaction<MinAtarObservation, int>(agent, new MinAtarTask(env),
            episodes => GreedyEvaluation.AgainstRandom(agent, game, options, config.Run.Seed, episodes, config.Dqn.EpsilonEval));
    }

    /// <summary>
    /// DQN on games that take turns (Env:Cycle). The final evaluation plays Run:Game, the cycle's
    /// first game, with the padded observations the network learned on.
    /// </summary>
    static IInteraction GameCycle(ExperimentConfig config, Pure.Games.GameCycle cycle, EnvironmentOptions options)
    {
        var task = new GameCycleTask(cycle, (uint)config.Run.Seed, options);
        var agent = new DqnAgent(config, task.Channels, task.ActionCount);
        return new Interaction<MinAtarObservation, int>(agent, task,
            episodes => GreedyEvaluation.AgainstRandom(agent, cycle.Games[0], options, config.Run.Seed, episodes, config.Dqn.EpsilonEval, task.Channels));
    }

    /// <summary>
    /// Refuses a config whose agent cannot be built, where that needs the environment and so could not be
    /// checked with the config: SAC's replay beyond one array (its observation size comes from the
    /// model). `train` asks this before it makes the run folder, so nothing is written for such a config.
    /// </summary>
    public static void CheckBuildable(ExperimentConfig config)
    {
        if (config.Agent.Kind != AgentKind.Sac) return;   // DQN's replay is checked with the config (ConfigLoader)
        var task = SacTask(config);
        try
        {
            using var env = new ControlEnvironment(task, (uint)config.Run.Seed);
            CheckReplay(config, env);
        }
        catch (Exception e) when (e is MuJoCoUnavailableException or MuJoCoModelException) { throw new ConfigException(e.Message); }
    }

    static ControlTask SacTask(ExperimentConfig config) =>
        ControlTasks.Get(config.Run.Game.Task ?? throw new ConfigException($"Run:Game = {config.Run.Game} is not a MuJoCo task; use one of {Game.TaskNames}"));

    static void CheckReplay(ExperimentConfig config, ControlEnvironment env)
    {
        if (Pure.Agents.ReplayMemory.Continuous(env.ObservationSize, env.ActionSize).Problem("Sac:ReplayCapacity", config.Sac.ReplayCapacity, config.Run.Game.Name) is { } tooLarge)
            throw new ConfigException(tooLarge + ".");
    }

    /// <summary>
    /// SAC on the config's MuJoCo task (docs/sac.md): the training task seeded Run:Seed, the periodic
    /// evaluation's own task seeded Run:Seed + 1 (Sac:EvalPeriod > 0), the final evaluation on fresh ones.
    /// </summary>
    static IInteraction Sac(ExperimentConfig config)
    {
        var task = SacTask(config);
        try
        {
            var env = new ControlEnvironment(task, (uint)config.Run.Seed);
            // Also here, for a run folder written before train checked it (CheckBuildable).
            try { CheckReplay(config, env); }
            catch { env.Dispose(); throw; }
            var agent = new SacAgent(config, env.ObservationSize, env.ActionSize)
            {
                EvaluationTask = config.Sac.EvalPeriod > 0 ? new ControlEnvironment(task, (uint)config.Run.Seed + 1) : null,
            };
            return new Interaction<double[], double[]>(agent, new MuJoCoTask(env),
                episodes => SacEpisodes.AgainstRandom(agent, task, config.Run.Seed, episodes));
        }
        catch (Exception e) when (e is MuJoCoUnavailableException or MuJoCoModelException) { throw new ConfigException(e.Message); }
    }
}
