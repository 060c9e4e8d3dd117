using ReDo.MinAtar;
using ReDo.NumPyRandom;
using Xunit;
using ReDo.Pure.Games;

namespace ReDo.Properties.Examples.MinAtar;

/// <summary>The stepping hot path allocates nothing once warm.</summary>
public class AllocationExamples
{
    public static TheoryData<GameId> Games() => new(GameInfo.All.Select(g => g.Id));

    [Theory]
    [MemberData(nameof(Games))]
    public void Stepping_and_writing_observations_allocates_nothing(GameId game)
    {
        var env = MinAtarEnvironment.Create(game, 0);
        var actions = new RandomState(1);
        var floats = new float[ObservationLayout.FloatCount(env.Channels)];
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        void Run(int steps)
        {
            for (var i = 0; i < steps; i++)
            {
                if (env.Act(actions.RandInt(6)).Terminal) env.Reset();
                env.WriteObservation(floats);
                env.WriteObservationBits(bits);
            }
        }
        Run(10_000); // warm-up: JIT tiers, list capacities
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(10_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [MemberData(nameof(Games))]
    public void Vector_stepping_allocates_nothing(GameId game)
    {
        var envs = new VectorEnv(game, 8, 0);
        var obs = new float[envs.Count * envs.ObservationSize];
        var rewards = new float[envs.Count];
        var terminals = new bool[envs.Count];
        var actions = new int[envs.Count];
        var random = new RandomState(2);
        void Run(int steps)
        {
            for (var s = 0; s < steps; s++)
            {
                for (var i = 0; i < actions.Length; i++) actions[i] = random.RandInt(6);
                envs.Step(actions, obs, rewards, terminals);
            }
        }
        Run(2_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1_250);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
