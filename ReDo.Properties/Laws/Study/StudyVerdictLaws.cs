using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using ReDo.Pure.Experiments;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Pure.Study;

namespace ReDo.Properties.Laws.Study;

/// <summary>
/// The study's verdicts follow the preregistration's rules (docs/results/dormancy-study/preregistration.md):
/// H1 is falsified in a cell exactly when a finished seed rises less than the threshold, and supported
/// only when every planned seed finished at or above it, with enough seeds; over the study one supported
/// cell supports it. H3 is decided only with enough runs, and then follows the order of the gains. H4 gives
/// a verdict only when the separation floor allows one, and its word follows P(better)'s interval.
/// No verdict depends on the order the runs are listed in.
/// </summary>
public class StudyVerdictLaws
{
    const double Threshold = 10;

    static Gen<(bool Finished, bool HasRise, double Rise)> Run() =>
        from finished in Gen.Elements(true, true, false)
        from hasRise in Gen.Elements(true, true, true, false)
        from rise in Gen.OneOf(Gen.Choose(0, 300).Select(x => x / 10.0), Gen.Elements(9.9, Threshold, 10.1))   // 0.0 … 30.0, and often at the threshold
        select (finished, hasRise, rise);

    static Gen<List<RiseOfRun>> Cell() =>
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Run(), n)).Select(runs => runs.Select((r, i) =>
            new RiseOfRun($"r{i + 2}", "d_rr1-dqn", "asterix", i + 2, r.Finished, r.HasRise ? new DormancyRise(5, 5, 5 + r.Rise, 40) : null)).ToList());

    [Law]
    public Property H1_a_cell_is_falsified_exactly_when_a_finished_seed_rises_less_than_the_threshold() =>
        Prop.ForAll(Cell().ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (runs, minSeeds) =>
        {
            var v = DormancyRiseVerdict.Cell("c", runs, Threshold, minSeeds).Verdict;
            bool below = runs.Any(r => r.Finished && r.Rise is { } x && x.Rise < Threshold);
            return (v == Verdict.Falsified) == below;
        });

    [Law]
    public Property H1_a_supported_cell_has_every_seed_finished_at_or_above_the_threshold_and_enough_seeds() =>
        Prop.ForAll(Cell().ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (runs, minSeeds) =>
        {
            var v = DormancyRiseVerdict.Cell("c", runs, Threshold, minSeeds).Verdict;
            bool all = runs.Count >= minSeeds && runs.All(r => r.Finished && r.Rise is { } x && x.Rise >= Threshold);
            return (v == Verdict.Supported) == all;
        });

    [Law]
    public Property H1_a_cell_s_verdict_and_numbers_do_not_depend_on_the_order_of_its_runs() =>
        Prop.ForAll(Cell().ToArbitrary(), runs =>
            DormancyRiseVerdict.Cell("c", runs, Threshold, 3) == DormancyRiseVerdict.Cell("c", [.. Enumerable.Reverse(runs)], Threshold, 3));

    [Law]
    public Property H1_over_the_study_one_supported_cell_supports_it_and_only_all_falsified_cells_falsify_it() =>
        Prop.ForAll(Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(Gen.Elements(Enum.GetValues<Verdict>()), n)).ToArbitrary(), verdicts =>
        {
            var cells = verdicts.Select((v, i) => new HypothesisVerdict(DormancyRiseVerdict.Hypothesis, $"c{i}", v, "")).ToList();
            var overall = DormancyRiseVerdict.Overall(cells).Verdict;
            return (overall == Verdict.Supported) == verdicts.Contains(Verdict.Supported)
                && (overall == Verdict.Falsified) == verdicts.All(v => v == Verdict.Falsified);
        });

    static Gen<RatioGain> Rung(double ratio) =>
        from runs in Gen.Choose(1, 4)
        from games in Gen.Choose(1, 3)
        from without in Gen.Choose(0, 4)
        from with in Gen.Choose(0, 4)   // quarters: equal gains at two ratios are common
        select new RatioGain(ratio, [.. Enumerable.Range(0, games).Select(g => ($"g{g}", without / 4.0, with / 4.0, runs, runs))], false);

    [Law]
    public Property H3_is_decided_only_with_enough_runs_at_every_ratio_and_then_follows_the_order_of_the_gains() =>
        Prop.ForAll((from a in Rung(1) from b in Rung(4) from c in Rung(16) select new List<RatioGain> { a, b, c }).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (list, minSeeds) =>
        {
            var v = RatioGainVerdict.Of(list, minSeeds).Verdict;
            bool decidable = list.All(r => r.Decidable(minSeeds));
            bool grows = list[1].Gain > list[0].Gain && list[2].Gain > list[1].Gain;
            return decidable ? v == (grows ? Verdict.Supported : Verdict.Falsified) : v == Verdict.Undecided;
        });

    static Gen<ScoreTable> Table(int games) =>
        Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 100).Select(x => x / 100.0), n)), games)
            .Select(x => new ScoreTable(x.Select((runs, g) => new GameScores($"g{g}", runs.ToValueList())).ToValueList()));

    static SeriesResult Series(string id, ScoreTable t, IntervalEstimate? poi, Series? baseline, int planned) =>
        new(new Series(id, id, [id]), planned, t.RunCount, t, t, new Dictionary<Aggregate, IntervalEstimate>(), [], poi, baseline, poi is null ? null : ScoreTable.SharedGames(t, t));

    [Law]
    public Property H4_gives_a_verdict_only_when_the_floor_allows_one_and_its_word_follows_the_interval() =>
        Prop.ForAll(Gen.Choose(1, 2).SelectMany(g => Table(g).SelectMany(a => Table(g).Select(b => (a, b)))).ToArbitrary(),
                    Gen.Choose(0, 100).SelectMany(l => Gen.Choose(l, 100).Select(u => new IntervalEstimate((l + u) / 200.0, l / 100.0, u / 100.0))).ToArbitrary(),
                    (tables, poi) =>
        {
            var (a, b) = tables;
            var baseline = Series("dqn", b, null, null, b.RunCount);
            var v = ImprovementVerdict.Cell(Series("redo", a, poi, baseline.Series, a.RunCount), baseline).Verdict;
            if (!SeparationFloor.CanReachLevel(a, b)) return v == Verdict.Undecided;
            return v == (poi.Lower > 0.5 ? Verdict.Supported : poi.Upper < 0.5 ? Verdict.Falsified : Verdict.NoDifferenceFound);
        });

    [Law]
    public Property H4_is_pending_while_any_planned_run_of_either_side_is_unfinished() =>
        Prop.ForAll(Table(2).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (t, missing) =>
        {
            var baseline = Series("dqn", t, null, null, t.RunCount + missing);
            return ImprovementVerdict.Cell(Series("redo", t, new IntervalEstimate(0.9, 0.8, 1), baseline.Series, t.RunCount), baseline).Verdict == Verdict.Pending;
        });
}
