using ReDo.Recycling.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>
/// RMSprop (centered or not, no momentum) over the flat buffers, as torch.optim.RMSprop and
/// TorchSharp's RMSProp.step compute it, op for op on every element:
/// v ← αv + (1−α)g²; centered: ḡ ← αḡ + (1−α)g, d = √(v − ḡ²) + ε; else d = √v + ε; θ ← θ − lr·g/d.
/// (The paper's MinAtar DQN uses centered RMSprop, α = 0.95, ε = 0.01: docs/configuration.md.)
/// </summary>
/// <remarks>
/// One deliberate difference from PyTorch: the centered variance v − ḡ² is clamped at 0 before √.
/// For a nearly constant gradient it is α^t(1 − α^t)g², which after a few hundred steps is below
/// float rounding and can come out negative, and PyTorch's formula then gives NaN. That happened in
/// every DQN + weight-decay run (a dead neuron's weights get g = wd·θ) about 280 updates in. Where
/// v − ḡ² is not negative the clamp changes nothing, so every run that never hit it is bit-identical.
/// </remarks>
public sealed class CenteredRmsProp : FlatOptimizer
{
    readonly Tensor _squareAvg, _gradAvg, _momentum, _denominator;
    readonly Tensor? _decayed;
    readonly Scalar _alpha, _oneMinusAlpha, _minusOne, _eps, _minusLr, _weightDecay;

    public double Alpha { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public bool Centered { get; }
    public override string CheckpointName => "RMSProp";

    public CenteredRmsProp(IEnumerable<Parameter> parameters, double lr, double alpha, double eps, double weightDecay = 0, bool centered = true)
        : base(parameters, lr)
    {
        if (!(alpha >= 0)) throw new ArgumentException($"invalid RMSprop α {alpha}");
        if (!(eps >= 0)) throw new ArgumentException($"invalid RMSprop ε {eps}");
        if (!(weightDecay >= 0)) throw new ArgumentException($"invalid weight decay {weightDecay}");
        (Alpha, Eps, WeightDecay, Centered) = (alpha, eps, weightDecay, centered);
        _squareAvg = Moment();
        _momentum = Moment();  // unused (momentum 0) but part of TorchSharp's state, checkpoint and moment list
        _gradAvg = Moment();
        _denominator = zeros(Flat.Count, ScalarType.Float32).DetachFromDisposeScope();
        if (weightDecay != 0) _decayed = zeros(Flat.Count, ScalarType.Float32).DetachFromDisposeScope();
        _alpha = Owned(alpha);
        _oneMinusAlpha = Owned(1 - alpha);
        _minusOne = Owned(-1);
        _eps = Owned(eps);
        _minusLr = Owned(-lr);
        _weightDecay = Owned(weightDecay);
    }

    protected override void Update()
    {
        for (int i = 0; i < StepCounts.Length; i++) StepCounts[i]++;
        var g = Flat.Gradients;
        if (_decayed is not null) g = _decayed.copy_(g).add_(Flat.Values, _weightDecay);  // grad.add(param, alpha: wd)
        _squareAvg.mul_(_alpha).addcmul_(g, g, _oneMinusAlpha);
        _denominator.copy_(_squareAvg);
        if (Centered)
        {
            _gradAvg.mul_(_alpha).add_(g, _oneMinusAlpha);
            _denominator.addcmul_(_gradAvg, _gradAvg, _minusOne).clamp_min_(Scalars.Zero);   // v − ḡ² ≥ 0 in exact arithmetic, not in float: see the class remarks
        }
        _denominator.sqrt_().add_(_eps, Scalars.One);
        Flat.Values.addcdiv_(g, _denominator, _minusLr);
    }

    public override IEnumerable<Tensor> Buffers(int parameter)
    {
        yield return ViewOf(_squareAvg, parameter);
        yield return ViewOf(_momentum, parameter);
        yield return ViewOf(_gradAvg, parameter);
    }

    protected override void SaveOptions(BinaryWriter w)
    {
        w.Write(false);        // maximize
        w.Write(0.0);          // momentum
        w.Write(Alpha);
        w.Write(Eps);
        w.Write(WeightDecay);
        w.Write(Centered);
    }

    protected override void LoadOptions(BinaryReader r)
    {
        Expect(r.ReadBoolean(), false, "maximize");
        Expect(r.ReadDouble(), 0.0, "momentum");
        Expect(r.ReadDouble(), Alpha, "RMSprop α");
        Expect(r.ReadDouble(), Eps, "RMSprop ε");
        Expect(r.ReadDouble(), WeightDecay, "weight decay");
        Expect(r.ReadBoolean(), Centered, "centered");
    }

    protected override void SaveState(BinaryWriter w, int i)
    {
        ViewOf(_squareAvg, i).Save(w);
        w.Write(true); ViewOf(_momentum, i).Save(w);
        w.Write(true); ViewOf(_gradAvg, i).Save(w);
    }

    protected override void LoadState(BinaryReader r, int i)
    {
        LoadInto(r, ViewOf(_squareAvg, i));
        foreach (var (buffer, what) in new[] { (_momentum, "momentum_buffer"), (_gradAvg, "grad_avg") })
        {
            if (!r.ReadBoolean()) throw new InvalidDataException($"the checkpoint's RMSprop state has no {what}");
            LoadInto(r, ViewOf(buffer, i));
        }
    }

    protected override void DisposeWork()
    {
        _denominator.Dispose();
        _decayed?.Dispose();
    }
}
