using System.Text.Json;
using ReDo.MinAtar;
using ReDo.Shell.Checkpoints;

namespace ReDo.Shell.Environments;

/// <summary>A MinAtar observation twice: float planes for the network and packed bits for the replay buffer.</summary>
public sealed record MinAtarObservation(float[] Planes, byte[] Bits);

/// <summary>A MinAtar game as the runner drives it (actions index the active action set; MinAtar never truncates).</summary>
public sealed class MinAtarTask(MinAtarEnvironment env) : IEnvironment<MinAtarObservation, int>
{
    public MinAtarObservation Observe()
    {
        var planes = new float[ObservationLayout.FloatCount(env.Channels)];
        var bits = new byte[ObservationLayout.ByteCount(env.Channels)];
        env.WriteObservation(planes);
        env.WriteObservationBits(bits);
        return new MinAtarObservation(planes, bits);
    }

    public EnvironmentStep Step(int action)
    {
        var result = env.Act(action);
        return new EnvironmentStep(result.Reward, result.Terminal, Truncated: false);
    }

    public void Reset() => env.Reset();

    public JsonElement Capture() => JsonSerializer.SerializeToElement(env.Capture(), CheckpointJson.Options);

    public void Restore(JsonElement state) =>
        env.Restore(state.Deserialize<EnvironmentSnapshot>(CheckpointJson.Options) ?? throw new InvalidDataException("the checkpoint's environment state is empty"));
}
