using ReDo.MinAtar;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using ReDo.Shell.Environments;
using ReDo.Shell.Runs;

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
        if (config.Agent.Kind != AgentSettings.Dqn)
            throw new NotSupportedException($"Agent:Kind = {config.Agent.Kind} cannot train through the runner yet (docs/sac.md: the SAC agent's runner branch is not built); use Agent:Kind = {AgentSettings.Dqn}");
        var game = config.Run.GameId();
        var options = config.Env.ToEnvironmentOptions();
        var env = MinAtarEnvironment.Create(game, (uint)config.Run.Seed, options);
        var agent = new DqnAgent(config, env.Channels, env.ActionCount);
        return new Interaction<MinAtarObservation, int>(agent, new MinAtarTask(env),
            episodes => GreedyEvaluation.AgainstRandom(agent, game, options, config.Run.Seed, episodes, config.Agent.EpsilonEval));
    }
}
