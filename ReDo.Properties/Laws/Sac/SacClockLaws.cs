using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using Xunit;

namespace ReDo.Properties.Laws.Sac;

/// <summary>
/// SAC's schedule (App. B; TF-Agents sac_train_eval): the initial collect, the replay ratio, ReDo's
/// window and period F on gradient steps, the Reset baseline and evaluation on environment steps.
/// </summary>
public class SacClockLaws
{
    static Gen<SacClock> Clocks() =>
        from warmUp in Gen.Choose(0, 60)
        from ratio in Gen.Elements(0.125, 0.25, 0.5, 1.0, 2.0, 4.0)
        from redoOn in ArbMap.Default.GeneratorFor<bool>()
        from period in Gen.Choose(1, 40)
        from start in Gen.Choose(0, 80)
        from length in Gen.Choose(1, 200)
        from logPeriod in Gen.Choose(1, 30)
        from resetOn in ArbMap.Default.GeneratorFor<bool>()
        from resetPeriod in Gen.Choose(1, 90)
        from evalPeriod in Gen.Choose(0, 70)
        select new SacClock(
            new SacSettings { InitialRandomSteps = warmUp, ReplayRatio = ratio, EvalPeriod = evalPeriod },
            new RedoSettings { Enabled = redoOn, Period = period, StartStep = start, EndStep = start + length, LogPeriod = logPeriod },
            new ResetSettings { Enabled = resetOn, Period = resetPeriod });

    static Arbitrary<(SacClock Clock, int Steps)> Cases() =>
        (from c in Clocks() from n in Gen.Choose(0, 400) select (c, n)).ToArbitrary();

    static List<long> GradientSteps(SacClock c, int steps) => [.. Enumerable.Range(0, steps).SelectMany(t => c.Updates(t))];

    [Law]
    public Property Gradient_steps_are_numbered_0_1_2_without_gaps_and_their_count_is_a_function_of_the_steps_taken() =>
        Prop.ForAll(Cases(), x =>
        {
            var g = GradientSteps(x.Clock, x.Steps);
            Assert.Equal(Enumerable.Range(0, g.Count).Select(i => (long)i), g);
            Assert.Equal(g.Count, x.Clock.GradientStepsAfter(x.Steps));
        });

    [Law]
    public Property No_update_during_the_initial_collect_and_the_replay_ratio_after_it() =>
        Prop.ForAll(Cases(), x =>
        {
            var c = x.Clock;
            int warmUp = c.Sac.InitialRandomSteps;
            for (int t = 0; t < Math.Min(x.Steps, warmUp); t++)
            {
                Assert.True(c.IsRandomStep(t));
                Assert.Empty(c.Updates(t));
            }
            var ratio = new ReplayRatio(c.Sac.ReplayRatio);
            // Over whole update periods after the collect, updates = replay ratio × environment steps.
            long after = Math.Max(0, x.Steps - warmUp) / ratio.UpdatePeriod * ratio.UpdatePeriod;
            Assert.Equal(c.Sac.ReplayRatio * after, GradientSteps(c, warmUp + (int)after).Count, 9);
            Assert.False(c.IsRandomStep(warmUp));
        });

    [Law]
    public Property Redo_recycles_exactly_at_the_positive_multiples_of_F_inside_its_window_and_only_when_enabled() =>
        Prop.ForAll(Cases(), x =>
        {
            var (c, r) = (x.Clock, x.Clock.Redo);
            foreach (var g in GradientSteps(c, x.Steps))
                Assert.Equal(r.Enabled && g > 0 && g % r.Period == 0 && g >= r.StartStep && g < r.EndStep, c.Recycles(g));
        });

    [Law]
    public Property Dormancy_is_logged_at_gradient_step_0_and_every_log_period_whether_or_not_ReDo_is_on() =>
        Prop.ForAll(Cases(), x =>
        {
            foreach (var g in GradientSteps(x.Clock, x.Steps))
                Assert.Equal(g % x.Clock.Redo.LogPeriod == 0, x.Clock.LogsDormancy(g));
        });

    [Law]
    public Property Reset_and_evaluation_come_every_period_of_environment_steps() =>
        Prop.ForAll(Cases(), x =>
        {
            var c = x.Clock;
            var resets = Enumerable.Range(1, x.Steps).Where(n => c.Resets(n)).ToList();
            var evaluations = Enumerable.Range(1, x.Steps).Where(n => c.Evaluates(n)).ToList();
            Assert.Equal(c.Reset.Enabled ? Enumerable.Range(1, (int)(x.Steps / c.Reset.Period)).Select(k => (int)(k * c.Reset.Period)) : [], resets);
            Assert.Equal(c.Sac.EvalPeriod > 0 ? Enumerable.Range(1, (int)(x.Steps / c.Sac.EvalPeriod)).Select(k => (int)(k * c.Sac.EvalPeriod)) : [], evaluations);
        });

    [Fact]
    public void The_paper_s_schedule_on_hand_computed_steps()
    {
        var c = new SacClock(new SacSettings(), new RedoSettings { Enabled = true, Tau = 0, Period = 200_000, LogPeriod = 10_000 }, new ResetSettings());
        Assert.True(c.IsRandomStep(9_999));
        Assert.Empty(c.Updates(9_999));
        Assert.Equal([0L], c.Updates(10_000));
        Assert.Equal(990_000, c.GradientStepsAfter(1_000_000));   // 1 M steps, 10,000 of them collect
        Assert.Equal([200_000L, 400_000, 600_000, 800_000], Enumerable.Range(0, 990_000).Where(g => c.Recycles(g)).Select(g => (long)g));
        Assert.True(c.Evaluates(10_000) && !c.Evaluates(15_000) && !c.Evaluates(0));
    }
}
