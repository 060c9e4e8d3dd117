using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Analyses;

namespace ReDo.Properties.Laws.Analyses;

/// <summary>
/// The dormancy study's H1 statistic: a share that never rises has a rise ≤ 0; one that ends every
/// final row ≥ d above every earlier learning row has a rise ≥ d; shifting every value leaves it;
/// warm-up rows (gradient step 0) never count.
/// </summary>
public class DormancyRiseLaws
{
    static Gen<List<double>> Shares() =>
        Gen.Choose(4, 40).SelectMany(n => Gen.ListOf(Gen.Choose(0, 10_000).Select(x => x / 100.0), n).Select(l => l.ToList()));

    static List<(long, double)> Logged(IEnumerable<double> values, int warmupRows = 0) =>
        [.. Enumerable.Repeat(0.0, warmupRows).Select(v => (0L, 99.0)), .. values.Select((v, i) => ((long)(i + 1) * 1000, v))];

    [Law]
    public Property A_share_that_never_rises_has_no_positive_rise() =>
        Prop.ForAll(Shares().ToArbitrary(), s =>
            DormancyRise.Of(Logged(s.OrderByDescending(x => x)))!.Rise <= 1e-12);

    [Law]
    public Property A_share_ending_d_above_every_earlier_row_rises_at_least_d() =>
        Prop.ForAll(Shares().ToArbitrary(), Gen.Choose(0, 5_000).Select(x => x / 100.0).ToArbitrary(), (s, d) =>
        {
            var before = s.Take(s.Count - DormancyRise.FinalRows).ToList();
            var ending = s.Skip(s.Count - DormancyRise.FinalRows).Select((_, i) => before.Max() + d + i).ToList();
            return DormancyRise.Of(Logged([.. before, .. ending]))!.Rise >= d - 1e-9;
        });

    [Law]
    public Property Shifting_every_value_and_adding_warmup_rows_leave_the_rise() =>
        Prop.ForAll(Shares().ToArbitrary(), Gen.Choose(0, 5).ToArbitrary(), (s, warmup) =>
        {
            var plain = DormancyRise.Of(Logged(s))!.Rise;
            var shifted = DormancyRise.Of(Logged(s.Select(x => x + 7.5), warmup))!.Rise;
            return Math.Abs(plain - shifted) < 1e-9;
        });
}
