using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Collections;
using ReDo.Pure.Games;

namespace ReDo.Properties.Laws.Games;

/// <summary>
/// Non-stationary play: the games take turns of exactly Period frames each, in the listed order, round
/// and round; a turn's end is announced exactly once per turn, and the game changes at every turn's end.
/// </summary>
public class GameCycleLaws
{
    static Gen<GameCycle> Cycles() =>
        from count in Gen.Choose(2, 5)
        from order in Gen.Shuffle(Enum.GetValues<GameId>())
        from period in Gen.Choose(1, 50)
        select new GameCycle(order.Take(count).ToValueList(), period);

    static Arbitrary<(GameCycle Cycle, long Frames)> Cases() =>
        (from cycle in Cycles() from frames in Gen.Choose(0, 2_000) select (cycle, (long)frames)).ToArbitrary();

    [Law]
    public Property A_game_plays_exactly_Period_frames_per_turn_in_the_listed_order() =>
        Prop.ForAll(Cases(), c =>
        {
            var (cycle, t) = c;
            long turn = t / cycle.Period;
            return cycle.GameAt(t) == cycle.Games[(int)(turn % cycle.Games.Count)]
                && cycle.GameAt(turn * cycle.Period) == cycle.GameAt(turn * cycle.Period + cycle.Period - 1);
        });

    /// <summary>Checked at every frame count from 0 (the start, where no turn has ended) to the case's.</summary>
    [Law]
    public Property A_turn_ends_exactly_when_the_game_changes() =>
        Prop.ForAll(Cases(), c =>
        {
            var (cycle, frames) = c;
            for (long t = 0; t <= frames; t++)
            {
                bool changes = t > 0 && cycle.IndexAt(t) != cycle.IndexAt(t - 1);
                if (cycle.EndsSegment(t) != changes) return false;
            }
            return true;
        });

    [Law]
    public Property Turn_ends_in_the_first_F_frames_number_F_over_Period() =>
        Prop.ForAll(Cases(), c =>
        {
            var (cycle, frames) = c;
            long ends = 0;
            for (long t = 1; t <= frames; t++) if (cycle.EndsSegment(t)) ends++;
            return ends == frames / cycle.Period;
        });
}
