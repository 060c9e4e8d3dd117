using System.Text.Json;
using ReDo.Shell.Checkpoints;
using ReDo.Shell.MuJoCo;

namespace ReDo.Shell.Environments;

/// <summary>
/// A MuJoCo control task as the runner drives it: observations and actions are vectors (actions
/// squashed in [−1, 1]^|A|), an episode ends by termination (unhealthy) or by the 1000-step time
/// limit (a truncation, which SAC bootstraps through). The first episode starts here, so the runner
/// can observe at once.
/// </summary>
public sealed class MuJoCoTask : IEnvironment<double[], double[]>, IDisposable
{
    readonly ControlEnvironment _env;

    public MuJoCoTask(ControlEnvironment env)
    {
        _env = env;
        _env.Reset();
    }

    public double[] Observe() => _env.Observation.ToArray();

    public EnvironmentStep Step(double[] action)
    {
        var step = _env.Step(action);
        return new EnvironmentStep(step.Reward.Total, step.Terminated, step.Truncated);
    }

    public void Reset() => _env.Reset();

    public JsonElement Capture() => JsonSerializer.SerializeToElement(_env.Capture(), CheckpointJson.Options);

    public void Restore(JsonElement state) =>
        _env.Restore(state.Deserialize<ControlEnvironmentState>(CheckpointJson.Options) ?? throw new InvalidDataException("the checkpoint's environment state is empty"));

    public void Dispose() => _env.Dispose();
}
