using ReDo.Pure.Collections;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Analyses;

/// <summary>
/// Paper §3, Fig. 6 at one τ: the greedy returns of the trained network and of the same network with its
/// τ-dormant neurons pruned, episode by episode on the same seeds, and what pruning changed.
/// <see cref="Change"/> is the mean paired difference (pruned − full) with its percentile-bootstrap
/// interval over episodes (one stratum: <see cref="StratifiedBootstrap"/> reduces to the ordinary
/// bootstrap). <see cref="MaxOutputChange"/> is the largest |Δ Q| on the probe batch.
/// </summary>
public sealed record PruneComparison(double Tau, int Pruned, int Neurons, ValueList<double> FullReturns, ValueList<double> PrunedReturns,
    double MaxOutputChange, IntervalEstimate Change)
{
    public double Fraction => Neurons == 0 ? 0 : (double)Pruned / Neurons;
    public double MeanFull => FullReturns.Average();
    public double MeanPruned => PrunedReturns.Average();

    public static PruneComparison From(double tau, PrunePlan plan, IReadOnlyList<double> full, IReadOnlyList<double> pruned, double maxOutputChange, BootstrapSettings settings)
    {
        if (full.Count == 0 || full.Count != pruned.Count)
            throw new ArgumentException($"the full and pruned networks must play the same episodes (at least one): got {full.Count} and {pruned.Count}");
        var differences = full.Select((f, i) => pruned[i] - f).ToArray();
        var change = StratifiedBootstrap.Interval(ScoreTable.Of(("episodes", differences)), s => s.AllRuns.Average(), settings);
        return new PruneComparison(tau, plan.Pruned, plan.Neurons, full.ToValueList(), pruned.ToValueList(), maxOutputChange, change);
    }
}
