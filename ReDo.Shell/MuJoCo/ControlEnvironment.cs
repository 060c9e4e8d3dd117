using ReDo.NumPyRandom;
using ReDo.Pure.Collections;
using ReDo.Pure.Control;

namespace ReDo.Shell.MuJoCo;

/// <summary>
/// A continuous-control task on MuJoCo: the shell steps the physics (frame skip, controls, reset
/// noise from one seeded generator) and the core's <see cref="ControlTaskRules"/> decide the
/// observation, reward and termination. Actions are squashed, in [−1, 1] per actuator, and mapped to
/// each actuator's control range.
/// </summary>
public sealed class ControlEnvironment : IDisposable
{
    readonly MjSimulation _sim;
    readonly RandomState _random;
    readonly double[] _control;
    PhysicsState _state;
    int _stepInEpisode;

    public ControlEnvironment(ControlTask task, uint seed)
    {
        Task = task;
        _sim = MjSimulation.Load(ModelPath(task));
        _random = new RandomState(seed);
        _control = new double[_sim.Nu];
        ObservationSize = ControlTaskRules.ObservationSize(task, _sim.Nq, _sim.Nv, _sim.Nbody);
        _state = Snapshot();
    }

    public ControlTask Task { get; }
    public int ObservationSize { get; }
    public int ActionSize => _sim.Nu;
    /// <summary>Seconds per agent step: timestep × frame skip.</summary>
    public double Dt => _sim.Timestep * Task.FrameSkip;
    public int StepInEpisode => _stepInEpisode;
    internal MjSimulation Simulation => _sim;

    /// <summary>The MJCF file of a task: ours next to the executable, Debian's humanoid where libmujoco-samples puts it.</summary>
    public static string ModelPath(ControlTask task)
    {
        if (Path.IsPathRooted(task.ModelFile))
            return File.Exists(task.ModelFile) ? task.ModelFile
                : throw new MuJoCoModelException($"{task.Id} needs {task.ModelFile}: install it with `apt-get install libmujoco-samples` (Debian 12)");
        return Path.Combine(AppContext.BaseDirectory, "MuJoCo", "Models", task.ModelFile);
    }

    /// <summary>Starts an episode: mj_resetData, then qpos0 and zero velocities plus the task's reset noise (Gymnasium's reset_model).</summary>
    public ValueList<double> Reset()
    {
        _sim.Reset();
        var positions = Draw(_sim.Nq, normal: false);
        var velocities = Draw(_sim.Nv, normal: Task.VelocityNoise == VelocityNoise.Normal);
        var (qpos, qvel) = ControlTaskRules.ResetState(Task, _sim.Qpos0.ToArray(), positions, velocities);
        _sim.SetState(qpos.AsSpan(), qvel.AsSpan());
        if (Task.ObserveBodies) _sim.RnePostConstraint();
        _stepInEpisode = 0;
        _state = Snapshot();
        return ControlTaskRules.Observe(Task, _state);
    }

    /// <summary>One agent step: controls from the squashed action, frame-skip mj_steps, then the core's verdict.</summary>
    public ControlStep Step(ReadOnlySpan<double> squashedAction)
    {
        if (squashedAction.Length != _control.Length)
            throw new ArgumentException($"{Task.Id} takes {_control.Length} actions, got {squashedAction.Length}");
        var range = _sim.CtrlRange;
        var ctrl = _sim.Ctrl;
        for (int u = 0; u < _control.Length; u++)
            ctrl[u] = _control[u] = ControlTaskRules.ToControl(squashedAction[u], range[2 * u], range[2 * u + 1]);
        var before = _state;
        _sim.Step(Task.FrameSkip);
        // MuJoCo ≥ 2.0 computes cfrc_ext only on demand; Gymnasium calls this after every step.
        if (Task.ObserveBodies) _sim.RnePostConstraint();
        _stepInEpisode++;
        _state = Snapshot();
        return ControlTaskRules.Step(Task, before, _state, _control, Dt, _stepInEpisode);
    }

    /// <summary>The observation of the current state (what the last Reset or Step returned).</summary>
    public ValueList<double> Observation => ControlTaskRules.Observe(Task, _state);

    /// <summary>
    /// Everything the next steps depend on, for exact resume: time, qpos, qvel, act, ctrl and the
    /// solver's warm start (MuJoCo's integration state), the step in the episode, the reset-noise
    /// generator and the observed snapshot the next reward is measured from.
    /// </summary>
    public ControlEnvironmentState Capture() => new(
        _sim.Time, [.. _sim.Qpos], [.. _sim.Qvel], [.. _sim.Act], [.. _sim.Ctrl], [.. _sim.QaccWarmstart],
        _stepInEpisode, _random.Capture(), _state);

    public void Restore(ControlEnvironmentState state)
    {
        static void Into(double[] from, Span<double> to, string what)
        {
            if (from.Length != to.Length) throw new InvalidDataException($"the checkpoint's environment has {from.Length} {what}, this task's model {to.Length}; resume with the task the run was started with");
            from.CopyTo(to);
        }
        Into(state.Qpos, _sim.Qpos, "positions"); Into(state.Qvel, _sim.Qvel, "velocities"); Into(state.Act, _sim.Act, "activations");
        Into(state.Ctrl, _sim.Ctrl, "controls"); Into(state.QaccWarmstart, _sim.QaccWarmstart, "warm-start accelerations");
        _sim.Time = state.Time;
        _stepInEpisode = state.StepInEpisode;
        _random.Restore(state.Random);
        _state = state.Observed;
    }

    public RandomStateSnapshot CaptureRandom() => _random.Capture();
    public void RestoreRandom(RandomStateSnapshot snapshot) => _random.Restore(snapshot);

    double[] Draw(int count, bool normal)
    {
        var d = new double[count];
        for (int i = 0; i < count; i++)
            d[i] = normal ? StandardNormal.FromUniforms(_random.Rand(), _random.Rand()) : _random.Rand();
        return d;
    }

    PhysicsState Snapshot()
    {
        var bodies = Task.Forward is ForwardMeasure.TorsoComX or ForwardMeasure.MassCenterX;
        var empty = ValueList<double>.Empty;
        return new PhysicsState(
            _sim.Qpos.ToArray().ToValueList(), _sim.Qvel.ToArray().ToValueList(),
            bodies ? _sim.Xipos.ToArray().ToValueList() : empty,
            bodies ? _sim.BodyMass.ToArray().ToValueList() : empty,
            Task.ObserveBodies ? _sim.Cinert.ToArray().ToValueList() : empty,
            Task.ObserveBodies ? _sim.Cvel.ToArray().ToValueList() : empty,
            Task.ObserveBodies ? _sim.QfrcActuator.ToArray().ToValueList() : empty,
            Task.ObserveBodies ? _sim.CfrcExt.ToArray().ToValueList() : empty);
    }

    public void Dispose() => _sim.Dispose();
}

/// <summary>A <see cref="ControlEnvironment"/>'s state at a step boundary (see <see cref="ControlEnvironment.Capture"/>).</summary>
public sealed record ControlEnvironmentState(double Time, double[] Qpos, double[] Qvel, double[] Act, double[] Ctrl, double[] QaccWarmstart,
    int StepInEpisode, RandomStateSnapshot Random, PhysicsState Observed);
