using ReDo.Recycling.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace ReDo.Shell.Benchmarks;

/// <summary>
/// Centered RMSprop's step (<see cref="Optimizers.CenteredRmsProp"/>) op by op over one flat
/// buffer, timed in thread CPU time, once with a realistic share of denormal moments and once
/// with those entries at zero (what flush-to-zero leaves). Real runs have them: a dormant
/// neuron's gradients are 0, so its moments decay into the denormal range (docs/performance.md
/// counts them in finished runs' checkpoints).
/// </summary>
public static class OptimizerOpProfile
{
    public sealed record OpTime(string Op, double KeptMs, double FlushedMs);

    public static IReadOnlyList<OpTime> Measure(long count, double denormalFraction, int reps)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7, CPU);
        using Scalar alpha = 0.95.ToScalar(), oneMinusAlpha = 0.05.ToScalar(), minusOne = (-1.0).ToScalar(), eps = 0.01.ToScalar(), minusLr = (-2.5e-4).ToScalar(),
            gradScale = 1e-3.ToScalar(), weightScale = 0.05.ToScalar(), fraction = denormalFraction.ToScalar(), denormal = 1e-40f.ToScalar();
        var g = randn([count], generator: generator).mul_(gradScale);
        var dead = rand([count], generator: generator).lt(fraction);
        g.masked_fill_(dead, Scalars.Zero);                          // dormant entries: zero gradient
        var alive = dead.logical_not();
        var tiny = full([count], denormal, ScalarType.Float32);      // a denormal float32
        var zero = zeros([count]);
        var sqKept = g.mul(g).where(alive, tiny);
        var gaKept = g.where(alive, tiny);
        var sqFlushed = sqKept.where(alive, zero);
        var gaFlushed = gaKept.where(alive, zero);
        var values = randn([count], generator: generator).mul_(weightScale);

        var sq = empty_like(sqKept); var ga = empty_like(gaKept); var den = empty_like(sqKept); var p = empty_like(values);
        var ops = new (string Name, Action Run)[]
        {
            ("v.mul_(α)", () => sq.mul_(alpha)),
            ("v.addcmul_(g, g, 1−α)", () => sq.addcmul_(g, g, oneMinusAlpha)),
            ("ḡ.mul_(α)", () => ga.mul_(alpha)),
            ("ḡ.add_(g, 1−α)", () => ga.add_(g, oneMinusAlpha)),
            ("d.copy_(v)", () => den.copy_(sq)),
            ("d.addcmul_(ḡ, ḡ, −1)", () => den.addcmul_(ga, ga, minusOne)),
            ("d.sqrt_()", () => den.sqrt_()),
            ("d.add_(ε)", () => den.add_(eps, Scalars.One)),
            ("θ.addcdiv_(g, d, −lr)", () => p.addcdiv_(g, den, minusLr)),
        };
        double Time(Action op, Tensor sqStart, Tensor gaStart)
        {
            var times = new List<double>(reps);
            for (int i = 0; i < reps; i++)
            {
                // Fresh inputs each rep so values neither drift out of nor into the denormal range.
                sq.copy_(sqStart); ga.copy_(gaStart); den.copy_(sqStart).add_(eps, Scalars.One); p.copy_(values);
                double start = ThreadClock.Milliseconds();
                op();
                times.Add(ThreadClock.Milliseconds() - start);
            }
            return times.Order().ElementAt(times.Count / 2);
        }
        double Flushed(Action op)
        {
            bool flushing = Denormals.FlushToZero(true);
            try { return Time(op, sqFlushed, gaFlushed); }
            finally { if (flushing) Denormals.FlushToZero(false); }
        }
        return [.. ops.Select(op => new OpTime(op.Name, Time(op.Run, sqKept, gaKept), Flushed(op.Run)))];
    }
}
