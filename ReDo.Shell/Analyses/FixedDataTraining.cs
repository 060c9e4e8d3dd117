using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Pure.Dormancy;
using ReDo.Pure.Runs;
using ReDo.Recycling.Networks;
using ReDo.Recycling;
using ReDo.Shell.Files;
using ReDo.Shell.Plotting;
using System.Diagnostics;
using static TorchSharp.torch;

namespace ReDo.Shell.Analyses;

/// <summary>
/// The loop the fixed-data analyses share (paper Fig. 4 and Fig. 8): <paramref name="steps"/> gradient
/// steps of <paramref name="update"/> (which returns the loss), and every <paramref name="logEvery"/>
/// steps (and at step 0) the dormant fractions at τ = 0 and τ on a fixed probe batch with the mean loss
/// since the previous point.
/// </summary>
public static class FixedDataTraining
{
    public static IReadOnlyList<RegressionPoint> Run(string condition, IRecyclableNetwork net, Func<long, float> update, Tensor probe, double tau,
        long steps, long logEvery, Action<RegressionPoint> onPoint)
    {
        var points = new List<RegressionPoint>();
        void Log(long step, double loss)
        {
            var statistics = ActivationProbe.Measure(net, probe);
            var point = new RegressionPoint(condition, step, loss,
                DormancyReport.Assess(net.Spec, statistics, 0).OverallFraction, DormancyReport.Assess(net.Spec, statistics, tau).OverallFraction);
            points.Add(point);
            onPoint(point);
        }
        Log(0, double.NaN);
        double lossSum = 0;
        long since = 0;
        for (long step = 1; step <= steps; step++)
        {
            float loss = update(step);
            if (!float.IsFinite(loss)) throw new ConfigException($"{condition}: the loss became {loss} at gradient step {step}; lower --lr.");
            lossSum += loss;
            since++;
            if (step % logEvery == 0 || step == steps)
            {
                Log(step, lossSum / since);
                (lossSum, since) = (0, 0);
            }
        }
        return points;
    }

    /// <summary>
    /// The comparison fit-targets (Fig. 8) and offline (Fig. 4) both make: each condition in turn starts
    /// (<paramref name="start"/> builds its network and update, owning what it builds in the scope) and
    /// trains <paramref name="steps"/> steps through <see cref="Run"/>; every point goes to the CSV as it
    /// comes and to <paramref name="progress"/> with rate and ETA over all conditions. Then the dormant and
    /// loss curves of all conditions are plotted. Returns the points and the files written (CSV, dormant, loss).
    /// </summary>
    public static (IReadOnlyList<RegressionPoint> Points, IReadOnlyList<string> Files) Compare(IRunFiles files, IReadOnlyList<string> conditions,
        Func<string, ConditionScope, FixedDataCondition> start, Tensor probe, double tau, long steps, long logEvery, FixedDataOutput output, TextWriter progress)
    {
        var points = new List<RegressionPoint>();
        files.CreateDirectory(output.Folder);
        var csv = Path.Combine(output.Folder, $"{output.Stem}.csv");
        files.WriteText(csv, RegressionCurves.Header);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < conditions.Count; i++)
        {
            long before = i * steps;
            using var scope = new ConditionScope();
            var (net, update) = start(conditions[i], scope);
            points.AddRange(Run(conditions[i], net, update, probe, tau, steps, logEvery, p =>
            {
                files.AppendText(csv, RegressionCurves.Line(p));
                progress.WriteLine(ProgressLine(p, before + p.Step, conditions.Count * steps, clock.Elapsed.TotalSeconds, tau));
            }));
        }
        var written = new List<string>
        {
            csv,
            ChartFigures.Save(files, RegressionCurves.Dormant($"{output.Title}: dormant neurons", points, tau), Path.Combine(output.Folder, $"{output.Stem}-dormant.png")),
            ChartFigures.Save(files, RegressionCurves.Loss($"{output.Title}: {output.LossLabel}", points), Path.Combine(output.Folder, $"{output.Stem}-loss.png")),
        };
        return (points, written);
    }

    /// <summary>A progress line for a point: where it is, its numbers, rate and ETA over all conditions.</summary>
    public static string ProgressLine(RegressionPoint p, long done, long total, double seconds, double tau) =>
        FormattableString.Invariant($"{p.Condition} step {p.Step:N0}  loss {p.Loss:0.0000}  dormant(τ=0) {p.DormantAtZero:P1}  dormant(τ={tau}) {p.DormantAtTau:P1}  ") +
        (seconds > 0 && done > 0 ? FormattableString.Invariant($"{done / seconds:0} steps/s  ETA {Eta.Text(Eta.For(total - done, done / seconds))}") : "");
}
