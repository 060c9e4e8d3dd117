using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Pure.Collections;
using ReDo.Shell.Analyses;
using Xunit;

namespace ReDo.Properties.Laws.Analyses;

/// <summary>dormancy-log.txt's text format gives back the entries written, and drops a torn last line.</summary>
public class DormancyLogLaws
{
    static Gen<DormancyLogEntry> Entries() =>
        from layers in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        from step in Gen.Choose(0, int.MaxValue)
        from tau in Gen.Choose(0, 1000).Select(t => t / 997.0)
        from srank in Gen.Choose(0, 512)
        from erank in Gen.Choose(0, 1_000_000).Select(x => x / 3.0)
        select Entry(layers, new System.Random(seed), step, tau, srank, erank);

    /// <summary>Masks of 1 … 70 neurons per layer (every remainder mod 4); the τ mask contains the τ = 0 mask, as Law 4 makes it.</summary>
    static DormancyLogEntry Entry(int layers, System.Random r, long step, double tau, int srank, double erank)
    {
        var zero = Enumerable.Range(0, layers).Select(_ => Enumerable.Range(0, r.Next(1, 71)).Select(_ => r.Next(3) == 0).ToArray()).ToArray();
        var atTau = zero.Select(bits => bits.Select(b => b || r.Next(3) == 0).ToArray()).ToArray();
        return new DormancyLogEntry(step + 7, new DormantMasks(step, tau,
                zero.Select((bits, i) => new LayerMask($"L_{i}", bits.ToValueList())).ToValueList(),
                atTau.Select((bits, i) => new LayerMask($"L_{i}", bits.ToValueList())).ToValueList()),
            srank, erank);
    }

    [Law(Runs = 300)]
    public Property Entries_round_trip_through_the_text_format() =>
        Prop.ForAll(Gen.ListOf(Entries()).ToArbitrary(), entries =>
        {
            var text = DormancyLogFormat.Header + string.Concat(entries.Select(DormancyLogFormat.Line));
            Assert.Equal(entries, DormancyLogFormat.Parse(text, "test"));
            if (entries.Count > 0)   // a torn last append is dropped, the rest kept
                Assert.Equal(entries.Take(entries.Count - 1), DormancyLogFormat.Parse(text[..^3], "test"));
        });
}
