using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Properties.Generators;
using ReDo.Pure.Statistics;
using static ReDo.Properties.Generators.ScoreGenerators;

namespace ReDo.Properties.Laws.Statistics;

/// <summary>
/// The separation floor (ReDo.Pure/Statistics/SeparationFloor.cs): the chance that relabelling each
/// game's runs at random separates the two methods completely, either way round. A report decides
/// nothing while it exceeds 5 %.
/// </summary>
public class SeparationFloorLaws
{
    /// <summary>Small comparisons: 1–2 games, 1–4 runs a side, every score in a game distinct (so P(better) is 1 only for complete separation).</summary>
    static Gen<(ScoreTable A, ScoreTable B)> SmallPair() =>
        from games in Gen.Choose(1, 2)
        from counts in Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(n => Gen.Choose(1, 4).Select(m => (n, m))), games)
        from seed in Gen.Choose(0, int.MaxValue)
        select Split(counts, seed);

    static (ScoreTable, ScoreTable) Split((int N, int M)[] counts, int seed)
    {
        var rng = new System.Random(seed);
        var a = new List<(string, double[])>(); var b = new List<(string, double[])>();
        for (int g = 0; g < counts.Length; g++)
        {
            var pooled = Enumerable.Range(0, counts[g].N + counts[g].M).Select(i => i + rng.NextDouble() / 2).OrderBy(_ => rng.Next()).ToArray();
            a.Add(($"g{g}", pooled[..counts[g].N])); b.Add(($"g{g}", pooled[counts[g].N..]));
        }
        return (ScoreTable.Of(a.ToArray()), ScoreTable.Of(b.ToArray()));
    }

    /// <summary>Every way to deal each game's pooled runs back into n for A and m for B (the permutation null's support).</summary>
    static IEnumerable<(ScoreTable A, ScoreTable B)> Relabellings(ScoreTable a, ScoreTable b)
    {
        IEnumerable<List<(string Game, double[] A, double[] B)>> deals = [[]];
        foreach (var g in a.Games)
        {
            var pooled = g.Runs.Concat(b.Games.Single(h => h.Game == g.Game).Runs).ToArray();
            int n = g.Runs.Count;
            var splits = Subsets(pooled.Length, n).Select(pick =>
                (g.Game, pick.Select(i => pooled[i]).ToArray(), Enumerable.Range(0, pooled.Length).Except(pick).Select(i => pooled[i]).ToArray())).ToList();
            deals = deals.SelectMany(d => splits.Select(s => d.Append(s).ToList())).ToList();
        }
        return deals.Select(d => (ScoreTable.Of(d.Select(x => (x.Game, x.A)).ToArray()), ScoreTable.Of(d.Select(x => (x.Game, x.B)).ToArray())));
    }

    static IEnumerable<int[]> Subsets(int n, int k) =>
        k == 0 ? [[]] : n < k ? [] : Subsets(n - 1, k - 1).Select(s => s.Append(n - 1).ToArray()).Concat(Subsets(n - 1, k));

    [Law(Runs = 300)]
    public Property The_floor_is_the_exact_permutation_chance_of_complete_separation_either_way() =>
        Prop.ForAll(SmallPair().ToArbitrary(), p =>
        {
            var all = Relabellings(p.A, p.B).ToList();
            int extreme = all.Count(r => ProbabilityOfImprovement.Of(r.A, r.B) is 0.0 or 1.0);
            return all.Count == SeparationFloor.Relabellings(p.A, p.B)
                && extreme == 2   // one dealing puts all of A on top, one all of B
                && SeparationFloor.Of(p.A, p.B) == (double)extreme / all.Count;
        });

    [Law]
    public Property The_floor_is_a_probability_symmetric_and_blind_to_order_and_scores() =>
        Prop.ForAll(Table().SelectMany(x => SameGames(x).Select(y => (x, y))).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (xy, seed) =>
        {
            var (x, y) = xy;
            double floor = SeparationFloor.Of(x, y);
            var rescored = ScoreTable.Of(x.Games.Select(g => (g.Game, g.Runs.Select(v => -v).ToArray())).ToArray());
            return floor > 0 && floor <= 1
                && floor == SeparationFloor.Of(y, x)
                && floor == SeparationFloor.Of(Shuffled(x, seed), Shuffled(y, seed + 1))
                && floor == SeparationFloor.Of(rescored, y);
        });

    [Law]
    public Property More_runs_on_either_side_never_raise_the_floor() =>
        Prop.ForAll(Table().SelectMany(x => SameGames(x).Select(y => (x, y))).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (xy, pick) =>
        {
            var (x, y) = xy;
            var g = x.Games[pick % x.Games.Count];
            var more = ScoreTable.Of(x.Games.Select(h => (h.Game, h.Game == g.Game ? h.Runs.Append(0.5).ToArray() : h.Runs.ToArray())).ToArray());
            return SeparationFloor.Of(more, y) <= SeparationFloor.Of(x, y)
                && (!SeparationFloor.CanReachLevel(x, y) || SeparationFloor.CanReachLevel(more, y));
        });
}
