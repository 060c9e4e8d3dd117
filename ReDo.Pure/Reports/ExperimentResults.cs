using ReDo.Pure.Collections;
using ReDo.Pure.Experiments;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Reports;

/// <summary>
/// Where one planned run stands and what it logged (null curves: nothing logged yet), with the replay
/// ratio its own config.json says it trained at (NaN before the run has written one), which a study's
/// H2 needs and a plan's overrides alone do not give.
/// </summary>
public sealed record RunResult(PlannedRun Run, string State, bool Finished, RunCurves? Curves, double ReplayRatio = double.NaN);

/// <summary>
/// One series' statistics over its finished runs (null aggregates when none has finished). P(better)
/// against the baseline is over <see cref="ComparedGames"/>: the games both have finished runs on, so a
/// partial report compares what it can (a series whose Space Invaders runs are still queued is
/// compared on Breakout) and says so.
/// </summary>
public sealed record SeriesResult(
    Series Series,
    int Planned,
    int Finished,
    ScoreTable? Raw,
    ScoreTable? Normalized,
    IReadOnlyDictionary<Aggregate, IntervalEstimate> Aggregates,
    IReadOnlyList<ProfilePoint> Profile,
    IntervalEstimate? ImprovementOverBaseline,
    Series? Baseline = null,
    IReadOnlyList<string>? ComparedGames = null);

/// <summary>Everything a report shows, computed from the runs' curves: per-series statistics and per-game curve bands.</summary>
public sealed record ExperimentResults(
    ExperimentDefinition Definition,
    ExperimentPlan Plan,
    IReadOnlyList<RunResult> Runs,
    IReadOnlyList<SeriesResult> Series,
    IReadOnlyDictionary<string, IReadOnlyList<CurveBand>> ReturnCurves,
    IReadOnlyDictionary<string, IReadOnlyList<CurveBand>> DormantCurves,
    IReadOnlyDictionary<string, GameNormalizer> Anchors,
    BootstrapSettings Bootstrap)
{
    public bool Partial => Runs.Any(r => !r.Finished);

    /// <summary>The one τ every series' dormancy is compared at (<see cref="DormancyComparison"/>).</summary>
    public double DormancyTau { get; init; } = DormancyComparison.Tenth;

    /// <summary>Runs that could not be compared at τ = 0.1 and their own τ, when that moved the comparison to τ = 0.</summary>
    public IReadOnlyList<(string Run, double Tau)> WithoutTenth { get; init; } = [];
    public bool Approximated => Runs.Any(r => r.Curves?.ReturnApproximated == true);

    public static ExperimentResults Compute(ExperimentDefinition d, ExperimentPlan plan, IReadOnlyList<RunResult> runs,
                                            IReadOnlyDictionary<string, GameNormalizer> anchors, BootstrapSettings bootstrap)
    {
        var games = plan.Runs.Select(r => r.Game).Distinct().ToList();
        ScoreTable? RawScores(string seriesId)
        {
            var perGame = games.Select(g => (g, runs.Where(r => r.Run.SeriesId == seriesId && r.Run.Game == g && r.Finished && r.Curves is not null)
                                                    .Select(r => RunScore.Of(r.Curves!.Frames.Zip(r.Curves.Scores(d.ScoreColumn), (f, v) => new CurvePoint(f, v)), RunLength.Of(r.Run, plan.Frames)))
                                                    .Where(double.IsFinite).ToArray()))
                               .Where(x => x.Item2.Length > 0).ToArray();
            return perGame.Length == 0 ? null : ScoreTable.Of(perGame);
        }
        var raw = plan.Series.ToDictionary(s => s.Id, s => RawScores(s.Id));
        var normalized = raw.ToDictionary(kv => kv.Key, kv => kv.Value is null ? null : Normalization.Normalize(kv.Value, anchors));
        var allNormalized = normalized.Values.Where(t => t is not null).SelectMany(t => t!.AllRuns).ToList();
        var taus = allNormalized.Count == 0 ? [] : PerformanceProfile.FittedThresholds(allNormalized, 41);

        var series = plan.Series.Select(s =>
        {
            var n = normalized[s.Id];
            var aggregates = n is null ? new Dictionary<Aggregate, IntervalEstimate>()
                : Enum.GetValues<Aggregate>().ToDictionary(a => a, a => StratifiedBootstrap.Interval(n, t => Statistics.Aggregates.Of(a, t), bootstrap));
            var profile = n is null ? [] : PerformanceProfile.Of(n, taus, bootstrap);
            var baselineSeries = BaselineChoice.For(d, plan.Series, s);
            var baseline = baselineSeries is null ? null : normalized[baselineSeries.Id];
            var shared = n is not null && baseline is not null ? ScoreTable.SharedGames(n, baseline) : [];
            IntervalEstimate? poi = shared.Count > 0
                ? ProbabilityOfImprovement.Interval(n!.OnGames(shared), baseline!.OnGames(shared), bootstrap) : null;
            return new SeriesResult(s, plan.Runs.Count(r => r.SeriesId == s.Id), runs.Count(r => r.Run.SeriesId == s.Id && r.Finished), raw[s.Id], n, aggregates, profile, poi, baselineSeries,
                                    shared.Count > 0 ? shared : null);
        }).ToList();

        IReadOnlyList<CurveBand> Bands(string game, Func<RunCurves, double[]> y) =>
            plan.Series.Select(s => CurveBands.Of(s.Label,
                runs.Where(r => r.Run.SeriesId == s.Id && r.Run.Game == game && r.Curves is not null)
                    .Select(r => (r.Curves!.Frames, y(r.Curves))).ToList(), bootstrap)).Where(b => b.X.Length > 0).ToList();

        var logged = runs.Where(r => r.Curves is not null).ToList();
        double tau = DormancyComparison.Choose(logged.Select(r => r.Curves!).ToList());
        var withoutTenth = tau == DormancyComparison.Tenth ? [] : logged.Where(r => r.Curves!.DormantAt(DormancyComparison.Tenth) is null).Select(r => (r.Run.Name, r.Curves!.Tau)).ToList();
        var returns = games.ToDictionary(g => g, g => Bands(g, c => c.Scores(d.ScoreColumn)));
        var dormant = games.ToDictionary(g => g, g => Bands(g, c => c.DormantAt(tau)!));
        return new ExperimentResults(d, plan, runs, series, returns, dormant, anchors, bootstrap) { DormancyTau = tau, WithoutTenth = withoutTenth };
    }
}
