using ReDo.Pure.Control;
using ReDo.Shell.MuJoCo;
using Xunit;

namespace ReDo.Properties.Examples.MuJoCo;

/// <summary>The tasks on the real simulator: sizes, reset, determinism, termination and truncation.</summary>
public class ControlEnvironmentExamples
{
    [MuJoCoFact]
    public void Every_task_loads_with_gymnasiums_observation_and_action_sizes()
    {
        var expected = new Dictionary<ControlTaskId, (int Obs, int Act)>
        {
            [ControlTaskId.HalfCheetah] = (17, 6), [ControlTaskId.Hopper] = (11, 3), [ControlTaskId.Walker2d] = (17, 6),
            [ControlTaskId.Ant] = (27, 8), [ControlTaskId.Humanoid] = (454, 21), [ControlTaskId.InvertedPendulum] = (4, 1),
        };
        foreach (var task in ControlTasks.All)
        {
            using var env = new ControlEnvironment(task, seed: 1);
            Assert.Equal(expected[task.Id], (env.ObservationSize, env.ActionSize));
            Assert.Equal(env.ObservationSize, env.Reset().Count);
            var step = env.Step(new double[env.ActionSize]);
            Assert.Equal(env.ObservationSize, step.Observation.Count);
            Assert.True(double.IsFinite(step.Reward.Total));
        }
    }

    [MuJoCoFact]
    public void Agent_step_time_is_timestep_times_frame_skip()
    {
        (ControlTaskId, double)[] dts = [(ControlTaskId.HalfCheetah, 0.05), (ControlTaskId.Hopper, 0.008), (ControlTaskId.Walker2d, 0.008), (ControlTaskId.Ant, 0.05), (ControlTaskId.Humanoid, 0.025)];
        foreach (var (id, dt) in dts)
        {
            using var env = new ControlEnvironment(ControlTasks.Get(id), 0);
            Assert.Equal(dt, env.Dt, 12);
        }
    }

    [MuJoCoFact]
    public void The_same_seed_gives_the_same_episode_bit_for_bit_and_another_seed_does_not()
    {
        static List<double> Episode(uint seed)
        {
            using var env = new ControlEnvironment(ControlTasks.Ant, seed);
            var trace = env.Reset().ToList();
            for (int t = 0; t < 200; t++)
            {
                var s = env.Step(Enumerable.Range(0, env.ActionSize).Select(i => Math.Sin(t * 0.1 + i)).ToArray());
                trace.AddRange(s.Observation);
                trace.Add(s.Reward.Total);
            }
            return trace;
        }
        Assert.Equal(Episode(3), Episode(3));
        Assert.NotEqual(Episode(3), Episode(4));
    }

    [MuJoCoFact]
    public void A_hopper_left_to_itself_falls_and_the_episode_terminates_while_the_cheetah_runs_into_the_time_limit()
    {
        using var hopper = new ControlEnvironment(ControlTasks.Hopper, 0);
        hopper.Reset();
        ControlStep step;
        int t = 0;
        do { step = hopper.Step([0.0, 0.0, 0.0]); t++; } while (!step.Terminated && !step.Truncated);
        Assert.True(step.Terminated && t < 1000, $"hopper stood {t} steps");

        using var cheetah = new ControlEnvironment(ControlTasks.HalfCheetah, 0);
        cheetah.Reset();
        t = 0;
        do { step = cheetah.Step([1.0, -1, 1, -1, 1, -1]); t++; } while (!step.Terminated && !step.Truncated);
        Assert.True(step.Truncated && !step.Terminated && t == 1000);
    }

    [MuJoCoFact]
    public void Reset_noise_and_the_reward_agree_with_the_simulator_state()
    {
        using var env = new ControlEnvironment(ControlTasks.Hopper, 9);
        var obs = env.Reset();
        Assert.InRange(obs[0], 1.25 - 5e-3, 1.25 + 5e-3); // z = qpos[1] = qpos0 + U(−s, s)
        var x0 = env.Simulation.Qpos[0];
        var step = env.Step([0.5, -0.5, 0.25]);
        var x1 = env.Simulation.Qpos[0];
        Assert.Equal((x1 - x0) / 0.008 + 1.0 - 1e-3 * (0.25 + 0.25 + 0.0625), step.Reward.Total, 12);
        Assert.Equal([0.5 * 1, -0.5, 0.25], env.Simulation.Ctrl.ToArray()); // ctrlrange ±1 maps identically
    }
}
