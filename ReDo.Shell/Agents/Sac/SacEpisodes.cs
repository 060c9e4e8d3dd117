using ReDo.Pure.Agents;
using ReDo.Shell.MuJoCo;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// Plays SAC against a control task: training steps (act, step, observe, reset at episode ends)
/// and greedy evaluation episodes. A short loop for tests and benchmarks; long runs with
/// checkpoints and metrics belong to the project's runner.
/// </summary>
public static class SacEpisodes
{
    /// <summary>Runs <paramref name="steps"/> training steps; returns the undiscounted returns of the episodes finished.</summary>
    public static List<double> Train(ControlEnvironment env, SacAgent agent, long steps, Action<UpdateReport>? onUpdate = null)
    {
        var returns = new List<double>();
        var obs = env.Reset().ToArray();
        double episodeReturn = 0;
        for (long t = 0; t < steps; t++)
        {
            var action = agent.Act(obs);
            var step = env.Step(action);
            var next = step.Observation.ToArray();
            foreach (var u in agent.Step(new(obs, action, step.Reward.Total, step.Terminated, step.Truncated, next)).Updates) onUpdate?.Invoke(u);
            episodeReturn += step.Reward.Total;
            obs = next;
            if (step.Terminated || step.Truncated)
            {
                returns.Add(episodeReturn);
                episodeReturn = 0;
                obs = env.Reset().ToArray();
            }
        }
        return returns;
    }

    /// <summary>
    /// The final evaluation of a run: mean returns of the greedy (mean-action) policy and of uniformly
    /// random actions, each on a fresh task seeded Run:Seed + <see cref="GreedyEvaluation.SeedOffset"/>
    /// (the same reset noise for both, and never the training task's).
    /// </summary>
    public static (double Greedy, double Random) AgainstRandom(SacAgent agent, Pure.Control.ControlTask task, int seed, int episodes)
    {
        if (episodes <= 0) return (double.NaN, double.NaN);
        var (greedy, uniform) = EpisodesAgainstRandom(agent, task, seed, episodes);
        return (greedy.Average(), uniform.Average());
    }

    /// <summary>
    /// Each episode's return of the greedy policy and of uniformly random actions, as <see cref="AgainstRandom"/>
    /// plays them: one task instance per policy seeded Run:Seed + 1,000,003, whose reset noise advances, so
    /// every episode starts from its own state and both policies meet the same starts.
    /// </summary>
    public static (double[] Greedy, double[] Random) EpisodesAgainstRandom(SacAgent agent, Pure.Control.ControlTask task, int seed, int episodes)
    {
        uint evalSeed = (uint)seed + GreedyEvaluation.SeedOffset;
        using var greedyTask = new ControlEnvironment(task, evalSeed);
        using var randomTask = new ControlEnvironment(task, evalSeed);
        var random = new ReDo.NumPyRandom.RandomState(evalSeed);
        var greedy = Returns(greedyTask, episodes, o => agent.Act(o, greedy: true));
        var uniform = Returns(randomTask, episodes, _ => [.. Enumerable.Range(0, agent.ActionSize).Select(_ => 2 * random.Rand() - 1)]);
        return (greedy, uniform);
    }

    /// <summary>Mean undiscounted return of <paramref name="episodes"/> episodes of <paramref name="policy"/> (e.g. the greedy, mean action).</summary>
    public static double Evaluate(ControlEnvironment env, int episodes, Func<double[], double[]> policy) =>
        Returns(env, episodes, policy).Average();

    /// <summary>The undiscounted return of each of <paramref name="episodes"/> whole episodes, each from a reset of <paramref name="env"/>.</summary>
    public static double[] Returns(ControlEnvironment env, int episodes, Func<double[], double[]> policy)
    {
        var returns = new double[episodes];
        for (int e = 0; e < episodes; e++)
        {
            var obs = env.Reset().ToArray();
            while (true)
            {
                var step = env.Step(policy(obs));
                returns[e] += step.Reward.Total;
                if (step.Terminated || step.Truncated) break;
                obs = step.Observation.ToArray();
            }
        }
        return returns;
    }
}
