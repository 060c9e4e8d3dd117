using ReDo.Recycling.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReDo.Recycling.Optimizers;

/// <summary>
/// Adam (L2 weight decay, no AMSGrad) over the flat buffers, as torch.optim.Adam and TorchSharp's
/// Adam.step compute it, op for op on every element: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
/// θ ← θ − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε), t the parameter's own step count. When all
/// step counts agree (always, unless ReDo resets them per parameter) the whole buffer is one update.
/// </summary>
public sealed class Adam : FlatOptimizer
{
    readonly Tensor _expAvg, _expAvgSq, _denominator;
    readonly Tensor? _decayed;
    readonly Scalar _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _eps, _weightDecay;

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public double WeightDecay { get; }
    public override string CheckpointName => "Adam";

    public Adam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps, double weightDecay = 0)
        : base(parameters, lr)
    {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new ArgumentException($"invalid Adam betas ({beta1}, {beta2})");
        if (!(eps >= 0)) throw new ArgumentException($"invalid Adam ε {eps}");
        if (!(weightDecay >= 0)) throw new ArgumentException($"invalid weight decay {weightDecay}");
        (Beta1, Beta2, Eps, WeightDecay) = (beta1, beta2, eps, weightDecay);
        _expAvg = Moment();
        _expAvgSq = Moment();
        _denominator = zeros(Flat.Count, ScalarType.Float32).DetachFromDisposeScope();
        if (weightDecay != 0) _decayed = zeros(Flat.Count, ScalarType.Float32).DetachFromDisposeScope();
        _beta1 = Owned(beta1);
        _oneMinusBeta1 = Owned(1 - beta1);
        _beta2 = Owned(beta2);
        _oneMinusBeta2 = Owned(1 - beta2);
        _eps = Owned(eps);
        _weightDecay = Owned(weightDecay);
    }

    protected override void Update()
    {
        for (int i = 0; i < StepCounts.Length; i++) StepCounts[i]++;
        var g = Flat.Gradients;
        if (_decayed is not null) g = _decayed.copy_(g).add_(Flat.Values, _weightDecay);  // grad.add(param, alpha: wd)
        _expAvg.mul_(_beta1).add_(g, _oneMinusBeta1);
        _expAvgSq.mul_(_beta2).addcmul_(g, g, _oneMinusBeta2);
        _denominator.copy_(_expAvgSq).sqrt_();
        if (StepCounts.All(s => s == StepCounts[0]))
            Finish(StepCounts[0], _denominator, _expAvg, Flat.Values);
        else
            for (int i = 0; i < StepCounts.Length; i++)
            {
                using var denominator = Flat.View(_denominator, i);
                using var value = Flat.View(Flat.Values, i);
                Finish(StepCounts[i], denominator, ViewOf(_expAvg, i), value);
            }
    }

    /// <summary>The bias-corrected tail: d ← d / √(1−β₂ᵗ) + ε; θ ← θ − (lr/(1−β₁ᵗ))·m/d. Its Scalars change with t, so they live in a using.</summary>
    void Finish(long step, Tensor denominator, Tensor expAvg, Tensor value)
    {
        double correction1 = 1 - Math.Pow(Beta1, step), correction2 = 1 - Math.Pow(Beta2, step);
        using var root2 = Math.Sqrt(correction2).ToScalar();
        using var stepSize = (-(LearningRate / correction1)).ToScalar();
        denominator.div_(root2).add_(_eps, Scalars.One);
        value.addcdiv_(expAvg, denominator, stepSize);
    }

    public override IEnumerable<Tensor> Buffers(int parameter)
    {
        yield return ViewOf(_expAvg, parameter);
        yield return ViewOf(_expAvgSq, parameter);
    }

    protected override void SaveOptions(BinaryWriter w)
    {
        w.Write(Beta1);
        w.Write(Beta2);
        w.Write(Eps);
        w.Write(WeightDecay);
        w.Write(false);   // amsgrad
        w.Write(false);   // maximize
    }

    protected override void LoadOptions(BinaryReader r)
    {
        Expect(r.ReadDouble(), Beta1, "Adam β₁");
        Expect(r.ReadDouble(), Beta2, "Adam β₂");
        Expect(r.ReadDouble(), Eps, "Adam ε");
        Expect(r.ReadDouble(), WeightDecay, "weight decay");
        Expect(r.ReadBoolean(), false, "amsgrad");
        Expect(r.ReadBoolean(), false, "maximize");
    }

    protected override void SaveState(BinaryWriter w, int i)
    {
        ViewOf(_expAvg, i).Save(w);
        ViewOf(_expAvgSq, i).Save(w);
        w.Write(false);   // no max_exp_avg_sq (no AMSGrad)
    }

    protected override void LoadState(BinaryReader r, int i)
    {
        LoadInto(r, ViewOf(_expAvg, i));
        LoadInto(r, ViewOf(_expAvgSq, i));
        if (r.ReadBoolean()) throw new InvalidDataException("the checkpoint's Adam state has AMSGrad's max_exp_avg_sq; this optimizer does not use AMSGrad");
    }

    protected override void DisposeWork()
    {
        _denominator.Dispose();
        _decayed?.Dispose();
    }
}
