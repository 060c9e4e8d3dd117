using System.Text;

namespace ReDo.Shell.MuJoCo;

/// <summary>
/// One MuJoCo model and its simulation state (mjModel + mjData). Arrays are views into MuJoCo's
/// own memory, read and written through the header-derived offsets of <see cref="MjLayout"/>;
/// they are valid until the simulation is disposed. Not thread-safe (MuJoCo's mjData is not).
/// </summary>
public sealed unsafe class MjSimulation : IDisposable
{
    readonly MuJoCoNative.Api _api;
    IntPtr _model, _data;

    MjSimulation(MuJoCoNative.Api api, IntPtr model, string source)
    {
        _api = api;
        _model = model;
        _data = api.MakeData(model);
        if (_data == IntPtr.Zero)
        {
            api.DeleteModel(model);
            throw new MuJoCoModelException($"MuJoCo could not allocate the simulation data for {source}");
        }
        Source = source;
    }

    /// <summary>Where the model came from (a path), for messages.</summary>
    public string Source { get; }

    /// <summary>Loads an MJCF file; a bad file throws <see cref="MuJoCoModelException"/> with MuJoCo's own error text.</summary>
    public static MjSimulation Load(string path)
    {
        var api = MuJoCoNative.Functions;
        if (!File.Exists(path)) throw new MuJoCoModelException($"MuJoCo model file '{path}' does not exist");
        var error = new byte[1000];
        var name = Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0");
        IntPtr model;
        fixed (byte* n = name)
        fixed (byte* e = error)
            model = api.LoadXml(n, IntPtr.Zero, e, error.Length);
        if (model == IntPtr.Zero)
        {
            var text = Encoding.UTF8.GetString(error, 0, Array.IndexOf(error, (byte)0) is var z and >= 0 ? z : error.Length).Trim();
            throw new MuJoCoModelException($"MuJoCo refused the model '{path}': {text}");
        }
        return new MjSimulation(api, model, path);
    }

    /// <summary>Loads a model from MJCF text (written to a temporary file: MuJoCo 2.2.2 parses files).</summary>
    public static MjSimulation FromXml(string xml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"redo-mjcf-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try { return Load(path); }
        finally { File.Delete(path); }
    }

    public int Nq => Int(MjLayout.Model_nq);
    public int Nv => Int(MjLayout.Model_nv);
    public int Nu => Int(MjLayout.Model_nu);
    public int Na => Int(MjLayout.Model_na);
    public int Nbody => Int(MjLayout.Model_nbody);

    /// <summary>The physics step (mjOption.timestep), seconds.</summary>
    public double Timestep => *(double*)(Model + MjLayout.Model_opt_timestep);

    public double Time
    {
        get => *(double*)(Data + MjLayout.Data_time);
        set => *(double*)(Data + MjLayout.Data_time) = value;
    }

    public ReadOnlySpan<double> Qpos0 => View(Model, MjLayout.Model_qpos0, Nq);
    public ReadOnlySpan<double> BodyMass => View(Model, MjLayout.Model_body_mass, Nbody);
    /// <summary>(nu × 2): lower, upper control bound per actuator.</summary>
    public ReadOnlySpan<double> CtrlRange => View(Model, MjLayout.Model_actuator_ctrlrange, 2 * Nu);
    public bool CtrlLimited(int actuator) => (*(byte**)(Model + MjLayout.Model_actuator_ctrllimited))[actuator] != 0;

    public Span<double> Qpos => View(Data, MjLayout.Data_qpos, Nq);
    public Span<double> Qvel => View(Data, MjLayout.Data_qvel, Nv);
    public Span<double> Ctrl => View(Data, MjLayout.Data_ctrl, Nu);
    /// <summary>Actuator activations (na; empty for our tasks' motors).</summary>
    public Span<double> Act => View(Data, MjLayout.Data_act, Na);
    /// <summary>The constraint solver's warm start: part of the state mj_step's result depends on (MuJoCo docs, "Simulation state").</summary>
    public Span<double> QaccWarmstart => View(Data, MjLayout.Data_qacc_warmstart, Nv);
    public ReadOnlySpan<double> Xpos => View(Data, MjLayout.Data_xpos, 3 * Nbody);
    public ReadOnlySpan<double> Xipos => View(Data, MjLayout.Data_xipos, 3 * Nbody);
    public ReadOnlySpan<double> Cinert => View(Data, MjLayout.Data_cinert, 10 * Nbody);
    public ReadOnlySpan<double> Cvel => View(Data, MjLayout.Data_cvel, 6 * Nbody);
    public ReadOnlySpan<double> QfrcActuator => View(Data, MjLayout.Data_qfrc_actuator, Nv);
    /// <summary>Com-based external force per body (nbody × 6); valid after <see cref="RnePostConstraint"/>.</summary>
    public ReadOnlySpan<double> CfrcExt => View(Data, MjLayout.Data_cfrc_ext, 6 * Nbody);

    /// <summary>mj_resetData: qpos = qpos0, velocities, controls, warm start and time zero.</summary>
    public void Reset() => _api.ResetData(Model, Data);

    /// <summary><paramref name="count"/> calls of mj_step.</summary>
    public void Step(int count = 1)
    {
        var m = Model; var d = Data;
        for (int i = 0; i < count; i++) _api.Step(m, d);
    }

    public void Forward() => _api.Forward(Model, Data);

    /// <summary>Computes cacc, cfrc_int and cfrc_ext (MuJoCo ≥ 2.0 skips them unless a sensor needs them).</summary>
    public void RnePostConstraint() => _api.RnePostConstraint(Model, Data);

    /// <summary>Sets positions and velocities and recomputes everything derived from them (mj_forward), as Gymnasium's set_state.</summary>
    public void SetState(ReadOnlySpan<double> qpos, ReadOnlySpan<double> qvel)
    {
        if (qpos.Length != Nq || qvel.Length != Nv)
            throw new ArgumentException($"state needs {Nq} positions and {Nv} velocities, got {qpos.Length} and {qvel.Length}");
        qpos.CopyTo(Qpos);
        qvel.CopyTo(Qvel);
        Forward();
    }

    IntPtr Model => _model != IntPtr.Zero ? _model : throw new ObjectDisposedException(nameof(MjSimulation));
    IntPtr Data => _data != IntPtr.Zero ? _data : throw new ObjectDisposedException(nameof(MjSimulation));
    int Int(int offset) => *(int*)(Model + offset);
    static Span<double> View(IntPtr owner, int offset, int length) => new(*(double**)(owner + offset), length);

    public void Dispose()
    {
        if (_data != IntPtr.Zero) { _api.DeleteData(_data); _data = IntPtr.Zero; }
        if (_model != IntPtr.Zero) { _api.DeleteModel(_model); _model = IntPtr.Zero; }
    }
}
