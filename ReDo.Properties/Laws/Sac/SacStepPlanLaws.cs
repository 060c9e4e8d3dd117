using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Schedules;
using Xunit;

namespace ReDo.Properties.Laws.Sac;

/// <summary>
/// Laws of SAC's pure step plan (App. B; TF-Agents sac_train_eval), checked over whole simulated runs
/// of plans from random settings, against the paper's definitions written out here independently of
/// <see cref="SacStepPlan"/>: the initial collect, the replay ratio, ReDo's window and period F on
/// gradient steps, the Reset baseline and the evaluation on environment steps, and exact resume.
/// </summary>
public class SacStepPlanLaws
{
    sealed record Settings(SacSettings Sac, RedoSettings Redo, ResetSettings Reset)
    {
        public SacSchedules Schedules => SacSchedules.From(Sac, Redo, Reset);
    }

    static Gen<Settings> AnySettings() =>
        from warmUp in Gen.Choose(0, 60)
        from ratio in Gen.Elements(0.125, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0)
        from redoOn in ArbMap.Default.GeneratorFor<bool>()
        from period in Gen.Choose(1, 40)
        from start in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 80))   // the paper's window opens at step 0
        from length in Gen.Choose(1, 200)
        from logPeriod in Gen.Choose(1, 30)
        from resetOn in ArbMap.Default.GeneratorFor<bool>()
        from resetPeriod in Gen.Choose(1, 90)
        from evalPeriod in Gen.Choose(0, 70)
        select new Settings(
            new SacSettings { InitialRandomSteps = warmUp, ReplayRatio = ratio, EvalPeriod = evalPeriod },
            new RedoSettings { Enabled = redoOn, Period = period, StartStep = start, EndStep = start + length, LogPeriod = logPeriod },
            new ResetSettings { Enabled = resetOn, Period = resetPeriod });

    static Arbitrary<(Settings Settings, int Steps)> Runs() =>
        (from c in AnySettings() from n in Gen.Choose(0, 400) select (c, n)).ToArbitrary();

    /// <summary>The plans of <paramref name="steps"/> environment steps, each from the clock the previous one left.</summary>
    static List<(AgentClock Clock, SacStepPlan Plan)> Simulate(SacSchedules s, int steps, AgentClock? from = null)
    {
        var plans = new List<(AgentClock, SacStepPlan)>();
        var clock = from ?? AgentClock.Start;
        for (int i = 0; i < steps; i++)
        {
            var plan = SacStepPlan.Next(clock, s);
            plans.Add((clock, plan));
            clock = plan.NextClock;
        }
        return plans;
    }

    static List<PlannedUpdate> AllUpdates(Settings x, int steps) => [.. Simulate(x.Schedules, steps).SelectMany(p => p.Plan.Updates)];

    [Law]
    public Property Gradient_steps_are_numbered_0_1_2_without_gaps_and_their_count_is_a_function_of_the_steps_taken() =>
        Prop.ForAll(Runs(), x =>
        {
            var g = AllUpdates(x.Settings, x.Steps).Select(u => u.GradientStep).ToList();
            Assert.Equal(Enumerable.Range(0, g.Count).Select(i => (long)i), g);
            Assert.Equal(g.Count, SacStepPlan.UpdatesAfter(new EnvironmentSteps(x.Steps), x.Settings.Schedules));
        });

    [Law]
    public Property The_fewest_steps_that_learn_make_an_update_and_one_fewer_make_none() =>
        Prop.ForAll(Runs(), x =>
        {
            long least = SacStepPlan.StepsToLearn(x.Settings.Schedules);
            Assert.Equal(0, SacStepPlan.UpdatesAfter(new EnvironmentSteps(least - 1), x.Settings.Schedules));
            Assert.True(SacStepPlan.UpdatesAfter(new EnvironmentSteps(least), x.Settings.Schedules) > 0);
        });

    [Law]
    public Property The_clock_advances_by_one_environment_step_and_by_the_updates_planned() =>
        Prop.ForAll(Runs(), x =>
        {
            foreach (var (clock, plan) in Simulate(x.Settings.Schedules, x.Steps))
                Assert.Equal(new AgentClock(clock.EnvironmentSteps + 1, clock.Updates + plan.Updates.Count), plan.NextClock);
        });

    [Law]
    public Property Actions_are_random_and_nothing_trains_during_the_initial_collect_then_updates_per_environment_step_equal_the_replay_ratio() =>
        Prop.ForAll(Runs(), Gen.Choose(0, 60).ToArbitrary(), (x, offset) =>
        {
            var s = x.Settings.Schedules;
            int warmUp = x.Settings.Sac.InitialRandomSteps;
            var run = Simulate(s, warmUp + offset + x.Steps);
            Assert.All(run, p => Assert.Equal(p.Clock.EnvironmentSteps < warmUp, SacStepPlan.ActsRandomly(p.Clock, s)));
            Assert.All(run.Take(warmUp), p => Assert.Empty(p.Plan.Updates));
            // Over any whole number of update periods after the collect: updates = replay ratio × environment steps.
            int period = (int)Math.Round(Math.Max(1, 1 / x.Settings.Sac.ReplayRatio));
            int whole = x.Steps / period * period;
            var window = run.Skip(warmUp + offset / period * period).Take(whole).ToList();
            Assert.Equal(x.Settings.Sac.ReplayRatio * whole, window.Sum(p => p.Plan.Updates.Count), 9);
        });

    [Law]
    public Property Redo_recycles_every_F_gradient_steps_inside_its_window_never_at_step_0_and_only_when_enabled() =>
        Prop.ForAll(Runs(), x =>
        {
            var r = x.Settings.Redo;
            foreach (var u in AllUpdates(x.Settings, x.Steps))
                Assert.Equal(r.Enabled && u.GradientStep > 0 && u.GradientStep % r.Period == 0 && u.GradientStep >= r.StartStep && u.GradientStep < r.EndStep, u.Recycle);
        });

    [Law]
    public Property Dormancy_is_logged_at_gradient_step_0_and_every_log_period_whether_or_not_ReDo_is_on() =>
        Prop.ForAll(Runs(), x =>
        {
            foreach (var u in AllUpdates(x.Settings, x.Steps))
                Assert.Equal(u.GradientStep % x.Settings.Redo.LogPeriod == 0, u.LogDormancy);
        });

    [Law]
    public Property Reset_and_evaluation_follow_every_period_of_environment_steps_and_never_an_update() =>
        Prop.ForAll(Runs(), x =>
        {
            var (sac, reset) = (x.Settings.Sac, x.Settings.Reset);
            var run = Simulate(x.Settings.Schedules, x.Steps);
            // After the n-th environment step (n = 1, 2 …): every Reset:Period, every Sac:EvalPeriod.
            var resets = run.Where(p => p.Plan.Reset).Select(p => p.Plan.NextClock.EnvironmentSteps);
            var evaluations = run.Where(p => p.Plan.Evaluate).Select(p => p.Plan.NextClock.EnvironmentSteps);
            Assert.Equal(reset.Enabled ? Enumerable.Range(1, (int)(x.Steps / reset.Period)).Select(k => k * reset.Period) : [], resets);
            Assert.Equal(sac.EvalPeriod > 0 ? Enumerable.Range(1, (int)(x.Steps / sac.EvalPeriod)).Select(k => k * sac.EvalPeriod) : [], evaluations);
            Assert.All(run.SelectMany(p => p.Plan.Updates), u => Assert.False(u.Reset));
        });

    [Law]
    public Property A_plan_is_the_same_in_one_run_and_across_a_resume_from_the_checkpointed_clock() =>
        Prop.ForAll(Runs(), Gen.Choose(0, 400).ToArbitrary(), (x, cut) =>
        {
            var s = x.Settings.Schedules;
            cut = Math.Min(cut, x.Steps);
            var whole = Simulate(s, x.Steps);
            var before = Simulate(s, cut);
            var saved = before.Count == 0 ? AgentClock.Start : before[^1].Plan.NextClock;
            var restored = JsonSerializer.Deserialize<AgentClock>(JsonSerializer.Serialize(saved))!;   // what a checkpoint keeps
            var resumed = before.Concat(Simulate(s, x.Steps - cut, restored)).ToList();
            Assert.Equal(whole.Select(p => p.Plan), resumed.Select(p => p.Plan));
        });

    [Fact]
    public void The_paper_s_schedule_on_hand_computed_steps()
    {
        // App. B: 1 M environment steps, 10,000 of them the initial collect, RR 1, ReDo every F = 200,000 gradient steps, evaluation every 10,000 steps, Reset every 200,000 environment steps.
        var s = SacSchedules.From(new SacSettings(), new RedoSettings { Enabled = true, Tau = 0, Period = 200_000, LogPeriod = 10_000 }, new ResetSettings { Enabled = true, Period = 200_000 });
        Assert.True(SacStepPlan.ActsRandomly(new AgentClock(9_999, 0), s));
        Assert.Empty(SacStepPlan.Next(new AgentClock(9_999, 0), s).Updates);
        Assert.Equal([new PlannedUpdate(0, Recycle: false, LogDormancy: true, Reset: false)], SacStepPlan.Next(new AgentClock(10_000, 0), s).Updates);
        Assert.Equal(990_000, SacStepPlan.UpdatesAfter(new EnvironmentSteps(1_000_000), s));
        var run = Simulate(s, 1_000_000);
        Assert.Equal([200_000L, 400_000, 600_000, 800_000], run.SelectMany(p => p.Plan.Updates).Where(u => u.Recycle).Select(u => u.GradientStep));
        Assert.Equal([200_000L, 400_000, 600_000, 800_000, 1_000_000], run.Where(p => p.Plan.Reset).Select(p => p.Plan.NextClock.EnvironmentSteps));
        Assert.Equal(100, run.Count(p => p.Plan.Evaluate));
        Assert.True(run[9_999].Plan.Evaluate && !run[14_999].Plan.Evaluate);
    }
}
