using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Study;

/// <summary>One experiment of a study: its folder (relative to the study's) and what its report computed.</summary>
public sealed record StudyPart(string Folder, ExperimentResults Results);

/// <summary>
/// The hypotheses of a study over its parts: H1 from the confirmation's runs without ReDo (its
/// baseline series), H2 from the screening's ratio ladder and any confirmation cell at a high ratio,
/// H3 from the ladder's ReDo rungs, H4 per confirmation cell. Also the tables behind them.
/// </summary>
public sealed record StudyResults(
    StudyDefinition Definition,
    IReadOnlyList<StudyPart> Screening,
    StudyPart Confirmation,
    IReadOnlyList<RiseOfRun> ScreeningRises,
    IReadOnlyList<RiseOfRun> ConfirmationRises,
    IReadOnlyList<ReturnDrop> ScreeningDrops,
    IReadOnlyList<RatioGain> Gains,
    IReadOnlyList<HypothesisVerdict> Verdicts)
{
    /// <summary>H2's "high ratio" (RR ≥ 4), as the preregistration states it.</summary>
    public const double HighRatio = 4;

    public IEnumerable<StudyPart> Parts => Screening.Append(Confirmation);
    public bool Partial => Parts.Any(p => p.Results.Partial);

    public static StudyResults Compute(StudyDefinition d, IReadOnlyList<StudyPart> screening, StudyPart confirmation)
    {
        static RiseOfRun Rise(RunResult r) => new(r.Run.Name, r.Run.SeriesId, r.Run.Game, r.Run.Seed, r.Finished, RiseOfRun.Of(r.Curves));
        var screeningRises = screening.SelectMany(p => p.Results.Runs)
            .Where(r => d.ScreeningExclude.Length == 0 || !r.Run.SeriesId.Contains(d.ScreeningExclude, StringComparison.Ordinal))
            .Select(Rise).ToList();

        // H1: the confirmation's agent without ReDo is each comparison's baseline series.
        var c = confirmation.Results;
        var baselines = c.Series.Where(s => s.Baseline is not null).Select(s => s.Baseline!.Id).Distinct().ToHashSet(StringComparer.Ordinal);
        var confirmationRises = c.Runs.Where(r => baselines.Contains(r.Run.SeriesId)).Select(Rise).ToList();
        var h1Cells = confirmationRises.GroupBy(r => (r.Series, r.Game)).OrderBy(g => g.Key.Series, StringComparer.Ordinal).ThenBy(g => g.Key.Game, StringComparer.Ordinal)
            .Select(g => DormancyRiseVerdict.Cell($"`{g.Key.Series}` on {g.Key.Game}", [.. g], d.RiseThreshold, d.MinSeeds)).ToList();

        // H4: per confirmation cell.
        var h4 = c.Series.Where(s => s.Baseline is not null)
            .Select(s => (Series: s, Verdict: ImprovementVerdict.Cell(s, c.Series.Single(x => x.Series.Id == s.Baseline!.Id)))).ToList();

        // H2: the screening ladder's drops (descriptive) and the confirmation cells at a high ratio (decided).
        var screeningRuns = screening.SelectMany(p => p.Results.Runs).ToList();
        var rr1 = d.Ladder.FirstOrDefault(r => r.Ratio == 1);
        RunResult? Partner(string? series, RunResult run) =>   // the same game and seed in another series of the ladder
            series is null ? null : Finished(screeningRuns, series).FirstOrDefault(x => x.Run.Game == run.Run.Game && x.Run.Seed == run.Run.Seed);
        var drops = new List<ReturnDrop>();
        if (rr1 is not null)
            foreach (var rung in d.Ladder.Where(r => r.Ratio >= HighRatio).OrderBy(r => r.Ratio))
                foreach (var high in Finished(screeningRuns, rung.Without))
                    if (Partner(rr1.Without, high) is { } low &&
                        ReturnDrop.Of(high.Run.Game, rung.Ratio, Curve(low), Curve(high), Partner(rung.With, high) is { } w ? Curve(w) : null) is { } drop)
                        drops.Add(drop);
        var h2Cells = new List<HypothesisVerdict>();
        foreach (var (s, comparison) in h4)
        {
            var agentRuns = c.Runs.Where(r => r.Run.SeriesId == s.Baseline!.Id).ToList();
            var ratios = agentRuns.Select(r => r.ReplayRatio).Where(double.IsFinite).Distinct().ToList();   // runs not started have none
            if (ratios.Count != 1 || ratios[0] < HighRatio) continue;
            var games = new List<ReturnDrop>();
            foreach (var game in agentRuns.Select(r => r.Run.Game).Distinct().Order(StringComparer.Ordinal))
            {
                var agent = agentRuns.Where(r => r.Finished && r.Run.Game == game && r.Curves is not null).Select(Curve).ToList();
                var redo = c.Runs.Where(r => r.Run.SeriesId == s.Series.Id && r.Finished && r.Run.Game == game && r.Curves is not null).Select(Curve).ToList();
                var low = rr1 is null ? null : Finished(screeningRuns, rr1.Without).FirstOrDefault(x => x.Run.Game == game);
                if (agent.Count == 0 || redo.Count == 0 || low is null) continue;
                var end = agent.Min(a => a.Count == 0 ? long.MaxValue : a[^1].Frames);
                if (ReturnDrop.Of(game, ratios[0], Curve(low), [new CurvePoint(end, MeanFinal(agent))], [new CurvePoint(end, MeanFinal(redo))]) is { } drop) games.Add(drop);
            }
            h2Cells.Add(ReturnDropVerdict.Cell(new ConfirmedDrop($"`{s.Series.Id}` vs `{s.Baseline!.Id}`", games, comparison.Verdict), d.DropShare, d.Recovery));
        }

        // H3: ReDo's gain at each ladder rung that ran ReDo.
        var screeningSeries = screening.SelectMany(p => p.Results.Series).ToList();
        var gains = d.Ladder.Where(r => r.With is not null).OrderBy(r => r.Ratio).Select(rung =>
        {
            var (without, with) = (screeningSeries.FirstOrDefault(s => s.Series.Id == rung.Without), screeningSeries.FirstOrDefault(s => s.Series.Id == rung.With));
            var withGames = screeningRuns.Where(r => r.Run.SeriesId == rung.With).Select(r => r.Run.Game).ToHashSet(StringComparer.Ordinal);
            bool pending = screeningRuns.Any(r => (r.Run.SeriesId == rung.With || r.Run.SeriesId == rung.Without) && withGames.Contains(r.Run.Game) && !r.Finished);
            return RatioGain.Of(rung.Ratio, without?.Normalized, with?.Normalized, pending);
        }).ToList();

        var verdicts = new List<HypothesisVerdict> { DormancyRiseVerdict.Overall(h1Cells) };
        verdicts.AddRange(h1Cells);
        verdicts.Add(ReturnDropVerdict.Overall(drops, h2Cells, d.DropShare, HighRatio));
        verdicts.AddRange(h2Cells);
        verdicts.Add(RatioGainVerdict.Of(gains, d.MinSeeds));
        verdicts.AddRange(h4.Select(x => x.Verdict));
        return new StudyResults(d, screening, confirmation, screeningRises, confirmationRises, drops, gains, verdicts);
    }

    static IEnumerable<RunResult> Finished(IEnumerable<RunResult> runs, string series) =>
        runs.Where(r => r.Run.SeriesId == series && r.Finished && r.Curves is not null).OrderBy(r => r.Run.Seed);

    /// <summary>H2 reads <c>return_last100</c>, the trailing mean of the last 100 episodes.</summary>
    static IReadOnlyList<CurvePoint> Curve(RunResult r) => [.. r.Curves!.Frames.Zip(r.Curves.ReturnLast100, (f, v) => new CurvePoint(f, v))];

    static double MeanFinal(IReadOnlyList<IReadOnlyList<CurvePoint>> curves) =>
        curves.Select(c => c.Where(p => double.IsFinite(p.Value)).Select(p => p.Value).DefaultIfEmpty(double.NaN).Last()).Average();
}
