using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Pure.Runs;
using ReDo.Pure.Schedules;
using Xunit;

namespace ReDo.Properties.Laws.Runs;

/// <summary>
/// The warm-up warning speaks exactly of runs that make no update: DQN's update count over a run
/// (<see cref="StepPlan.UpdatesAfter"/>) is what stepping <see cref="StepPlan.Next"/> through it counts, and the length it names as the least
/// that learns is the least that makes an update.
/// </summary>
public class WarmUpCheckLaws
{
    static readonly Gen<(long Frames, int WarmUp, double Ratio)> Runs =
        from frames in Gen.Choose(1, 400)
        from warmUp in Gen.Choose(2, 300)
        from ratio in Gen.Elements(0.25, 1.0 / 3, 0.5, 1.0, 2.0, 4.0)
        select ((long)frames, warmUp, ratio);

    static ExperimentConfig Dqn(long frames, int warmUp, double ratio) => new()
    {
        Run = new RunSettings { Frames = frames },
        Agent = new DqnSettings { MinReplayHistory = warmUp, ReplayRatio = ratio },
    };

    [Law(Runs = 500)]
    public Property The_update_count_is_what_the_step_plans_make() =>
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var schedules = Schedules.From(Dqn(r.Frames, r.WarmUp, r.Ratio));
            var clock = AgentClock.Start;
            for (long t = 0; t < r.Frames; t++) clock = StepPlan.Next(clock, schedules).NextClock;
            Assert.Equal(clock.Updates, StepPlan.UpdatesAfter(new EnvironmentSteps(r.Frames), schedules));
        });

    [Law(Runs = 500)]
    public Property The_warning_is_given_exactly_when_no_update_is_made_and_names_the_least_length_that_learns() =>
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var schedules = Schedules.From(Dqn(r.Frames, r.WarmUp, r.Ratio));
            long Updates(long frames) => StepPlan.UpdatesAfter(new EnvironmentSteps(frames), schedules);
            var warning = WarmUpCheck.Warning(Dqn(r.Frames, r.WarmUp, r.Ratio));
            Assert.Equal(Updates(r.Frames) == 0, warning is not null);
            long least = StepPlan.StepsToLearn(schedules);
            Assert.Equal(0, Updates(least - 1));
            Assert.True(Updates(least) > 0);
            if (warning is not null) Assert.Contains($"Run:Frames ≥ {least:N0}", warning);
        });
}
