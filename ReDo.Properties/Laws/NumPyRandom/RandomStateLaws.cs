using ReDo.NumPyRandom;
using ReDo.Properties.Generators;

namespace ReDo.Properties.Laws.NumPyRandom;

public class RandomStateLaws
{
    [Law]
    public bool Restoring_a_snapshot_replays_the_stream(uint seed, byte skip, byte[] highs)
    {
        var r = new RandomState(seed);
        for (var i = 0; i < skip * 5; i++) r.Next32(); // lands anywhere in the 624-word block, also past a twist
        var snapshot = r.Capture();
        var first = highs.Select(h => (r.RandInt(h % 20 + 1), r.Rand())).ToArray();
        r.Restore(snapshot);
        var second = highs.Select(h => (r.RandInt(h % 20 + 1), r.Rand())).ToArray();
        return first.SequenceEqual(second);
    }

    [Law]
    public bool Snapshots_are_equal_by_content(uint seed, byte draws)
    {
        var a = new RandomState(seed);
        var b = new RandomState(seed);
        for (var i = 0; i < draws; i++) { a.Rand(); b.Rand(); }
        var equal = a.Capture() == b.Capture();
        a.Next32();
        return equal && a.Capture() != b.Capture();
    }

    [Law]
    public bool Randint_stays_in_range(uint seed, int low, ushort width)
    {
        var high = (long)low + width + 1;
        var r = new RandomState(seed);
        return Enumerable.Range(0, 20).All(_ => r.RandInt(low, high) is var v && v >= low && v < high);
    }

    [Law]
    public bool Rand_is_a_multiple_of_two_to_the_minus_53_in_the_unit_interval(uint seed)
    {
        var r = new RandomState(seed);
        return Enumerable.Range(0, 20).All(_ =>
        {
            var v = r.Rand();
            var k = v * 9007199254740992.0;
            return v is >= 0 and < 1 && k == Math.Floor(k);
        });
    }
}
