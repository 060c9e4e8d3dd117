using ReDo.Recycling.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>
/// Base of our own Adam and centered RMSprop: no TorchSharp optimizer, whose step makes implicit
/// Scalars the finalizer can free during a native call (docs/torch-rules.md), and one fused update
/// over flat buffers (docs/performance.md). Every Scalar a step needs is created once and owned here, or held by a
/// <c>using</c> across the call; every moment is a flat tensor with per-parameter views that ReDo
/// edits in place. Step counts are per parameter, as in torch.optim, because ReDo may reset them
/// per parameter. Checkpoints use TorchSharp's <c>save_state_dict</c> byte layout
/// (docs/torch-rules.md), so checkpoints written before this optimizer still load.
/// </summary>
public abstract class FlatOptimizer : IDisposable
{
    readonly List<(Tensor Flat, Tensor[] Views)> _moments = [];
    readonly List<Scalar> _scalars = [];
    protected readonly long[] StepCounts;

    public FlatParameters Flat { get; }
    public double LearningRate { get; }
    /// <summary>TorchSharp's class name for this optimizer: the first field of its checkpoint.</summary>
    public abstract string CheckpointName { get; }

    protected FlatOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        if (!(learningRate >= 0)) throw new ArgumentException($"invalid learning rate {learningRate}");
        Flat = new FlatParameters(parameters);
        LearningRate = learningRate;
        StepCounts = new long[Flat.Parameters.Count];
    }

    public IReadOnlyList<Parameter> Parameters => Flat.Parameters;

    /// <summary>A flat moment buffer (zeros) with a view per parameter, owned here.</summary>
    protected Tensor Moment()
    {
        var flat = zeros(Flat.Count, ScalarType.Float32).DetachFromDisposeScope();
        _moments.Add((flat, [.. Enumerable.Range(0, Flat.Parameters.Count).Select(i => Flat.View(flat, i))]));
        return flat;
    }

    /// <summary>A Scalar kept alive (and freed) by this optimizer.</summary>
    protected Scalar Owned(double value)
    {
        var s = value.ToScalar();
        _scalars.Add(s);
        return s;
    }

    protected Tensor ViewOf(Tensor moment, int parameter) => _moments.First(m => ReferenceEquals(m.Flat, moment)).Views[parameter];

    public void ZeroGrad() => Flat.ZeroGradients();

    /// <summary>
    /// One update of every parameter from its gradient, with denormals flushed to zero on this
    /// thread for its duration (<see cref="Denormals"/>: a dormant neuron's moments would otherwise
    /// sit in the denormal range for ever and slow every op over them; docs/performance.md).
    /// </summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool flushing = FlushDenormals && Denormals.FlushToZero(true);
        try { Update(); }
        finally { if (flushing) Denormals.FlushToZero(false); }
    }

    /// <summary>Whether <see cref="Step"/> flushes denormals (on by default; off only to measure what it saves).</summary>
    public bool FlushDenormals { get; init; } = true;

    protected abstract void Update();

    /// <summary>The moment buffers of parameter i, as views, in TorchSharp's state order.</summary>
    public abstract IEnumerable<Tensor> Buffers(int parameter);

    public long StepCount(int parameter) => StepCounts[parameter];
    public void ResetStepCount(int parameter) => StepCounts[parameter] = 0;

    /// <summary>Writes the state as TorchSharp's OptimizerHelper.save_state_dict does: name, one group's options, every parameter's state.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(CheckpointName);
        Leb128(writer, 1);
        Leb128(writer, Flat.Parameters.Count);
        writer.Write(LearningRate); // InitialLearningRate, then LearningRate (no scheduler: equal)
        writer.Write(LearningRate);
        SaveOptions(writer);
        for (int i = 0; i < Flat.Parameters.Count; i++)
        {
            writer.Write(StepCounts[i]);
            SaveState(writer, i);
        }
    }

    public void Load(BinaryReader reader)
    {
        var name = reader.ReadString();
        if (name != CheckpointName)
            throw new InvalidDataException($"the checkpoint holds {name} optimizer state but this run's optimizer is {CheckpointName}; resume with the config the run was started with");
        long groups = ReadLeb128(reader), states = ReadLeb128(reader);
        if (groups != 1 || states != Flat.Parameters.Count)
            throw new InvalidDataException($"the checkpoint's optimizer has {groups} groups and {states} parameters, this network 1 and {Flat.Parameters.Count}");
        double initial = reader.ReadDouble(), lr = reader.ReadDouble();
        if (initial != LearningRate || lr != LearningRate)
            throw new InvalidDataException($"the checkpoint's learning rate is {lr}, this config's {LearningRate}");
        LoadOptions(reader);
        using var _ = no_grad();
        for (int i = 0; i < Flat.Parameters.Count; i++)
        {
            StepCounts[i] = reader.ReadInt64();
            LoadState(reader, i);
        }
    }

    protected abstract void SaveOptions(BinaryWriter writer);
    protected abstract void LoadOptions(BinaryReader reader);
    protected abstract void SaveState(BinaryWriter writer, int parameter);
    protected abstract void LoadState(BinaryReader reader, int parameter);

    /// <summary>Reads a tensor saved by TorchSharp's Tensor.Save into the view, in place (the flat buffer sees it).</summary>
    protected static void LoadInto(BinaryReader reader, Tensor view)
    {
        using var loaded = zeros_like(view).DetachFromDisposeScope();
        loaded.Load(reader);
        view.copy_(loaded);
    }

    protected static void Expect<T>(T stored, T ours, string what) where T : IEquatable<T>
    {
        if (!stored.Equals(ours))
            throw new InvalidDataException($"the checkpoint's optimizer has {what} = {stored}, this config's {ours}; resume with the config the run was started with");
    }

    static void Leb128(BinaryWriter w, long value)
    {
        do
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            w.Write(value == 0 ? b : (byte)(b | 0x80));
        } while (value != 0);
    }

    static long ReadLeb128(BinaryReader r)
    {
        long value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = r.ReadByte();
            value |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
            if (shift > 56) throw new InvalidDataException("the optimizer state's count field is damaged");
        }
    }

    public void Dispose()
    {
        foreach (var (flat, views) in _moments)
        {
            foreach (var v in views) v.Dispose();
            flat.Dispose();
        }
        _moments.Clear();
        foreach (var s in _scalars) s.Dispose();
        _scalars.Clear();
        DisposeWork();
        Flat.Dispose();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeWork() { }
}
