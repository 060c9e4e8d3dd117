using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Pure.Schedules;
using Xunit;

namespace ReDo.Properties.Laws.Agents;

/// <summary>
/// Laws of the pure step plan (docs/architecture.md): what DQN's train step does at each agent step,
/// checked over whole simulated runs of plans from random schedules, against the paper's and
/// Dopamine's definitions written out here independently of <see cref="StepPlan"/>.
/// </summary>
public class StepPlanLaws
{
    static readonly Gen<Schedules> AnySchedules =
        from rr in Gen.Elements(0.125, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0)
        from warmup in Gen.Choose(0, 40)
        from targetPeriod in Gen.Choose(1, 25)
        from redo in Gen.Elements(true, false)
        from f in Gen.Choose(0, 30)
        from start in Gen.Choose(0, 120)
        from window in Gen.Choose(0, 300)
        from open in Gen.Elements(true, false)
        from logPeriod in Gen.Choose(0, 30)
        from reset in Gen.Elements(true, false)
        from resetPeriod in Gen.Choose(0, 40)
        from decay in Gen.Choose(0, 50)
        select new Schedules(new ReplayRatio(rr), warmup, targetPeriod, new EpsilonSchedule(warmup, decay, 0.1),
            redo ? new RecycleSchedule(f, start, open ? long.MaxValue : start + window) : null,
            new LoggingSchedule(logPeriod), reset ? new ResetSchedule<GradientSteps>(new(resetPeriod)) : null);

    static Arbitrary<(Schedules, int)> Runs() =>
        (from s in AnySchedules from steps in Gen.Choose(1, 400) select (s, steps)).ToArbitrary();

    /// <summary>The plans of <paramref name="steps"/> agent steps from the start, each from the clock the previous one left.</summary>
    static List<(AgentClock Clock, StepPlan Plan)> Simulate(Schedules s, int steps, AgentClock? from = null)
    {
        var plans = new List<(AgentClock, StepPlan)>();
        var clock = from ?? AgentClock.Start;
        for (int i = 0; i < steps; i++)
        {
            var plan = StepPlan.Next(clock, s);
            plans.Add((clock, plan));
            clock = plan.NextClock;
        }
        return plans;
    }

    static IEnumerable<PlannedUpdate> AllUpdates(IEnumerable<(AgentClock, StepPlan Plan)> plans) => plans.SelectMany(p => p.Plan.Updates);

    [Law]
    public Property Updates_per_agent_step_equal_the_replay_ratio_over_any_whole_number_of_periods_after_the_warm_up() =>
        Prop.ForAll(Runs(), Gen.Choose(0, 60).ToArbitrary(), (run, offset) =>
        {
            var (s, steps) = run;
            int period = s.ReplayRatio.UpdatePeriod;
            int whole = steps / period * period;
            var window = Simulate(s, (int)s.MinReplayHistory + offset + whole).Skip((int)s.MinReplayHistory + offset).ToList();
            Assert.Equal(s.ReplayRatio.Value * whole, window.Sum(p => p.Plan.Updates.Count), 9);
            Assert.All(Simulate(s, (int)s.MinReplayHistory), p => Assert.Empty(p.Plan.Updates));   // none during the warm-up
        });

    [Law]
    public Property The_clock_advances_by_one_step_and_by_the_updates_planned() =>
        Prop.ForAll(Runs(), run =>
        {
            foreach (var (clock, plan) in Simulate(run.Item1, run.Item2))
                Assert.Equal(new AgentClock(clock.EnvironmentSteps + 1, clock.Updates + plan.Updates.Count), plan.NextClock);
        });

    [Law]
    public Property Gradient_steps_are_numbered_as_the_reference_counts_them_each_once() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            var numbers = AllUpdates(Simulate(s, steps)).Select(u => u.GradientStep).ToList();
            Assert.Equal(numbers.Distinct().Count(), numbers.Count);
            Assert.Equal(numbers.Order(), numbers);
            // The first update comes at the first update step t ≥ warm-up, numbered (t // period)·k; then consecutive.
            long first = (s.MinReplayHistory + s.ReplayRatio.UpdatePeriod - 1) / s.ReplayRatio.UpdatePeriod * s.ReplayRatio.UpdatesPerStep;
            Assert.Equal(Enumerable.Range(0, numbers.Count).Select(i => first + i), numbers);
        });

    [Law]
    public Property Recycling_happens_exactly_at_multiples_of_F_inside_the_window() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            foreach (var u in AllUpdates(Simulate(s, steps)))
            {
                bool expected = s.Recycle is { } r && r.Period > 0 && u.GradientStep > 0 && u.GradientStep % r.Period == 0
                                && u.GradientStep >= r.StartStep && u.GradientStep < r.EndStep;
                Assert.Equal(expected, u.Recycle);
            }
        });

    [Law]
    public Property Dormancy_is_logged_at_gradient_step_0_and_then_every_log_period() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            var updates = AllUpdates(Simulate(s with { MinReplayHistory = 0 }, steps)).ToList();
            if (s.DormancyLog.Period > 0) Assert.True(updates[0].GradientStep == 0 && updates[0].LogDormancy, "step 0 is measured");
            foreach (var u in AllUpdates(Simulate(s, steps)))
                Assert.Equal(s.DormancyLog.Period > 0 && u.GradientStep % s.DormancyLog.Period == 0, u.LogDormancy);
        });

    [Law]
    public Property Reset_happens_every_reset_period_never_at_step_0_and_only_when_on() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            foreach (var u in AllUpdates(Simulate(s, steps)))
                Assert.Equal(s.Reset is { Period.Count: > 0 } r && u.GradientStep > 0 && u.GradientStep % r.Period.Count == 0, u.Reset);
        });

    [Law]
    public Property The_target_syncs_every_target_period_after_the_warm_up() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            foreach (var (clock, plan) in Simulate(s, steps))
                Assert.Equal(clock.EnvironmentSteps >= s.MinReplayHistory && clock.EnvironmentSteps % s.TargetUpdatePeriod == 0, plan.SyncTarget);
        });

    [Law]
    public Property Epsilon_is_the_schedule_at_the_step_acted_on() =>
        Prop.ForAll(Runs(), run =>
        {
            var (s, steps) = run;
            foreach (var (clock, plan) in Simulate(s, steps))
                Assert.Equal(s.Epsilon.At(clock.EnvironmentSteps), plan.Epsilon);
        });

    [Law]
    public Property A_plan_is_the_same_in_one_run_and_across_a_resume_from_the_checkpointed_clock() =>
        Prop.ForAll(Runs(), Gen.Choose(0, 400).ToArbitrary(), (run, cut) =>
        {
            var (s, steps) = run;
            cut = Math.Min(cut, steps);
            var whole = Simulate(s, steps);
            var before = Simulate(s, cut);
            var saved = before.Count == 0 ? AgentClock.Start : before[^1].Plan.NextClock;
            var restored = JsonSerializer.Deserialize<AgentClock>(JsonSerializer.Serialize(saved))!;   // what a checkpoint keeps
            var resumed = before.Concat(Simulate(s, steps - cut, restored)).ToList();
            Assert.Equal(whole.Select(p => p.Plan), resumed.Select(p => p.Plan));
        });
}
