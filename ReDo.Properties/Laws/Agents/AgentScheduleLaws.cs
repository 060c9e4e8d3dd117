using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using Xunit;

namespace ReDo.Properties.Laws.Agents;

/// <summary>Replay ratio arithmetic over any whole number of update periods (the ε and n-step examples: Examples/Agents/AgentScheduleTests).</summary>
public class AgentScheduleLaws
{
    static Arbitrary<double> Ratios() => Gen.Elements(0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0).ToArbitrary();

    [Law]
    public Property Updates_per_agent_step_equal_the_replay_ratio_over_any_whole_number_of_periods() =>
        Prop.ForAll(Ratios(), Gen.Choose(1, 400).ToArbitrary(), (rr, periods) =>
        {
            var r = new ReplayRatio(rr);
            long steps = (long)periods * r.UpdatePeriod;
            long updates = Enumerable.Range(0, (int)steps).Count(t => r.IsUpdateStep(t)) * (long)r.UpdatesPerStep;
            Assert.Equal(rr * steps, updates, 9);
            // The reference's counter: the last update at step t has number (t // period)·k + k − 1.
            long last = steps - r.UpdatePeriod;
            Assert.Equal(updates - 1, r.GradientStep(last, r.UpdatesPerStep - 1));
        });
}
