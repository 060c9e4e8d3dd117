using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using Xunit;

namespace ReDo.Properties.Laws.Agents;

/// <summary>Replay ratio arithmetic over any whole number of update periods (the ε and n-step examples: Examples/Agents/AgentScheduleExamples).</summary>
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

    /// <summary>Whole counts, their reciprocals, near misses of both and anything else a double can be.</summary>
    static Arbitrary<double> AnyRatio() => Gen.OneOf(
        Gen.Choose(1, 64).Select(n => (double)n),
        Gen.Choose(1, 64).Select(n => 1.0 / n),
        from n in Gen.Choose(1, 64) from off in Gen.Elements(-1e-6, 1e-6, 0.3) select n + off,
        from n in Gen.Choose(1, 64) from off in Gen.Elements(-1e-6, 1e-6) select 1.0 / n + off,
        MetricsGenerators.Double).ToArbitrary();

    [Law]
    public Property A_ratio_is_realisable_exactly_when_it_can_be_built() =>
        Prop.ForAll(AnyRatio(), rr =>
        {
            bool built;
            try { _ = new ReplayRatio(rr); built = true; }
            catch (ArgumentOutOfRangeException) { built = false; }
            Assert.Equal(built, ReplayRatio.IsRealisable(rr));
        });
}
