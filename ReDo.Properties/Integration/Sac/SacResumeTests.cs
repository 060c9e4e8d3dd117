using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Control;
using ReDo.Shell.Agents.Sac;
using ReDo.Shell.MuJoCo;
using ReDo.Shell.Runs;
using Xunit;
using static TorchSharp.torch;

namespace ReDo.Properties.Integration.Sac;

/// <summary>
/// Exact resume for SAC: an agent and a task restored from a checkpoint taken mid-run continue bit
/// for bit like the uninterrupted run, through ReDo recycles, a Reset, weight decay, episode ends and
/// a wrapped replay buffer.
/// </summary>
public class SacResumeTests
{
    static readonly SacSettings Settings = new()
    {
        WidthMultiplier = 0.125, BatchSize = 16, ReplayCapacity = 150, InitialRandomSteps = 40,
        WeightDecay = 1e-4,
    };
    static readonly RedoSettings Redo = new() { Enabled = true, Tau = 0.1, Period = 30, LogPeriod = 15 };

    /// <summary>Steps the loop a training run takes; returns every reward and the losses of every update.</summary>
    static List<double> Drive(ControlEnvironment env, SacAgent agent, int steps) => Drive(env, agent, steps, out _, out _);

    static List<double> Drive(ControlEnvironment env, SacAgent agent, int steps, out int recycled, out int episodeEnds)
    {
        var trace = new List<double>();
        recycled = 0; episodeEnds = 0;
        for (int t = 0; t < steps; t++)
        {
            var obs = env.Observation.ToArray();
            var action = agent.Act(obs);
            var step = env.Step(action);
            foreach (var u in agent.Step(new(obs, action, step.Reward.Total, step.Terminated, step.Truncated, step.Observation.ToArray())).Updates)
            {
                int n = u.Recycled?.Total ?? 0;
                trace.AddRange([u.Loss, .. u.Extras.Select(e => e.Value), n]);
                recycled += n;
            }
            trace.Add(step.Reward.Total);
            if (step.Terminated || step.Truncated) { env.Reset(); episodeEnds++; }
        }
        return trace;
    }


    [MuJoCoFact]
    public void A_run_resumed_from_a_mid_run_checkpoint_continues_bit_for_bit()
    {
        set_num_threads(1);
        const int before = 120, after = 140;
        var task = ControlTasks.Hopper;

        using var env = new ControlEnvironment(task, seed: 5);
        using var agent = new SacAgent(SacConfig.Of(Settings, 5, Redo, resetPeriod: 170), env.ObservationSize, env.ActionSize);
        env.Reset();
        Drive(env, agent, before);
        var parts = SacParts.Capture(agent).ToDictionary(p => p.Name, p => p.Bytes);
        var environment = env.Capture();
        var uninterrupted = Drive(env, agent, after, out var recycled, out var episodeEnds);
        Assert.True(recycled > 0 && episodeEnds > 0, $"the continued part must recycle and end episodes ({recycled} recycled, {episodeEnds} episodes)");

        // A different seed everywhere: whatever the restore misses shows up as a difference.
        using var env2 = new ControlEnvironment(task, seed: 99);
        using var agent2 = new SacAgent(SacConfig.Of(Settings, 99, Redo, resetPeriod: 170), env2.ObservationSize, env2.ActionSize);
        env2.Reset();
        SacParts.Restore(agent2, parts);
        env2.Restore(environment);
        var resumed = Drive(env2, agent2, after);

        Assert.Equal(uninterrupted.Count, resumed.Count);
        Assert.Equal(uninterrupted, resumed);
        Assert.Equal(agent.Updates, agent2.Updates);
        Assert.Equal(agent.EnvironmentSteps, agent2.EnvironmentSteps);
        Assert.Equal(agent.Learner.LogAlpha.item<float>(), agent2.Learner.LogAlpha.item<float>());
        foreach (var (a, b) in new[] { (agent.Learner.Actor, agent2.Learner.Actor), (agent.Learner.Critic1, agent2.Learner.Critic1), (agent.Learner.Target2, agent2.Learner.Target2) }
                     .SelectMany(n => n.Item1.parameters().Zip(n.Item2.parameters())))
            Assert.Equal(0L, a.ne(b).sum().item<long>());
        Assert.True(agent.Learner.CriticOptimizer.Buffers(0).Zip(agent2.Learner.CriticOptimizer.Buffers(0)).All(m => m.First.ne(m.Second).sum().item<long>() == 0), "critic moments differ");
    }
}
