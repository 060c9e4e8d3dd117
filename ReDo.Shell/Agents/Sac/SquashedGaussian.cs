using ReDo.Recycling.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Agents.Sac;

/// <summary>
/// The SAC policy's tanh-squashed Gaussian (Haarnoja et al. 2018, App. C; TF-Agents'
/// TanhNormalProjectionNetwork): log-std clipped to [−20, 2], u = μ + σ·ε, a = tanh(u),
/// log π(a) = Σ [log N(u; μ, σ) − log(1 − tanh²u)], the last term in the stable form
/// 2·(log 2 − u − softplus(−2u)).
/// </summary>
public sealed class SquashedGaussian : IDisposable
{
    public const double LogStdMin = -20, LogStdMax = 2;
    // Owned Scalars: TorchSharp frees implicit double → Scalar conversions on the finalizer thread.
    readonly Scalar _min = LogStdMin.ToScalar(), _max = LogStdMax.ToScalar(), _half = 0.5.ToScalar(),
        _halfLog2Pi = (0.5 * Math.Log(2 * Math.PI)).ToScalar(), _log2 = Math.Log(2).ToScalar(), _two = 2.0.ToScalar(), _minusTwo = (-2.0).ToScalar();

    /// <summary>Splits the actor's output into means (first |A| columns) and clipped log-stds (last |A|).</summary>
    public (Tensor Mean, Tensor LogStd) Split(Tensor actorOutput)
    {
        var parts = actorOutput.chunk(2, 1);
        return (parts[0], parts[1].clamp(_min, _max));
    }

    /// <summary>Reparameterised sample a = tanh(μ + σ·ε) and its log-probability (per row).</summary>
    public (Tensor Action, Tensor LogProb) Sample(Tensor actorOutput, Generator generator)
    {
        var (mean, logStd) = Split(actorOutput);
        var noise = randn(mean.shape, generator: generator, dtype: mean.dtype, device: mean.device);
        // μ + σ·ε with owned Scalars; out of place where autograd saved the result (exp's backward needs its output).
        var u = logStd.exp().mul(noise).add_(mean, Scalars.One);
        return (u.tanh(), LogProbOfPreTanh(mean, logStd, u));
    }

    /// <summary>log π(tanh u) for the pre-squash value u, summed over action dimensions.</summary>
    public Tensor LogProbOfPreTanh(Tensor mean, Tensor logStd, Tensor u)
    {
        var z = (u - mean) / logStd.exp();
        var gaussian = -(z.mul(z) * _half) - logStd - _halfLog2Pi;
        // softplus(x) = max(x, 0) + log1p(exp(−|x|)): TorchSharp's softplus(Tensor, double, double) makes implicit Scalars (docs/torch-rules.md).
        var x = u * _minusTwo;
        // Out of place: exp's backward reads its output, so an in-place log1p_ after it breaks the actor's gradient.
        var softplus = nn.functional.relu(x).add(x.abs().neg().exp().log1p(), Scalars.One);
        var logJacobian = (u.neg().add_(_log2, Scalars.One) - softplus) * _two;
        return (gaussian - logJacobian).sum(1);
    }

    /// <summary>The greedy action tanh(μ) used for evaluation.</summary>
    public Tensor Mean(Tensor actorOutput) => Split(actorOutput).Mean.tanh();

    public void Dispose()
    {
        foreach (var s in new[] { _min, _max, _half, _halfLog2Pi, _log2, _two, _minusTwo }) s.Dispose();
    }
}
