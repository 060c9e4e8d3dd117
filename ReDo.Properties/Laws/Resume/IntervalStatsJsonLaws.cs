using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using ReDo.Pure.Collections;
using ReDo.Pure.Dormancy;
using ReDo.Shell.Checkpoints;
using Xunit;

namespace ReDo.Properties.Laws.Resume;

/// <summary>
/// state.json holds the open logging interval's <see cref="IntervalStats"/> itself: it reads back equal
/// (so a resumed interval logs the same row), stores a dormancy report as τ and scores only, and is
/// byte-for-byte what the former copy records (IntervalStatsState) wrote, so older checkpoints load.
/// </summary>
public class IntervalStatsJsonLaws
{
    static readonly Gen<double> Numbers = Gen.Elements(0.0, 0.25, 1.0, -3.5, 1e-7, 123456.789, double.NaN, double.PositiveInfinity);

    static Gen<DormancyReport?> Reports(double tau) =>
        Gen.Frequency(
            (1, Gen.Constant<DormancyReport?>(null)),
            (3, from layers in Gen.Choose(0, 3)
                from scores in Gen.ArrayOf(Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Numbers, n)), layers)
                select (DormancyReport?)new DormancyReport(tau, scores.Select((s, i) => new LayerDormancy($"Conv_{i}", s.ToValueList(), tau)).ToValueList())));

    static Arbitrary<IntervalStats> Stats() =>
        (from counts in Gen.ArrayOf(Gen.Choose(0, 1_000), 3)
         from sums in Gen.ArrayOf(Numbers, 3)
         from tau in Gen.Elements(0.0, 0.025, 0.1)
         from atZero in Reports(0)
         from atTau in Reports(tau)
         from n in Gen.Choose(0, 3)
         from extras in Gen.ArrayOf(from s in Numbers from c in Gen.Choose(1, 9) select (s, c), n)
         let stats = new IntervalStats(counts[0], sums[0], counts[1], sums[1], counts[2], sums[2], atZero, atTau)
         select extras.Length == 0 ? stats : stats with { Extras = extras.Select((e, i) => new ExtraSum($"x{i}", e.s, e.c)).ToValueList() })
        .ToArbitrary();

    [Law]
    public Property Interval_stats_read_back_equal_without_derived_members() =>
        Prop.ForAll(Stats(), stats =>
        {
            var json = JsonSerializer.Serialize(stats, CheckpointJson.Options);
            Assert.Equal(stats, JsonSerializer.Deserialize<IntervalStats>(json, CheckpointJson.Options));
            foreach (var derived in new[] { "Neurons", "DormantCount", "OverallFraction", "DormantFraction", "DormantNeurons" })
                Assert.DoesNotContain($"\"{derived}\"", json);
            Assert.Equal(stats.Extras is not null, json.Contains("\"Extras\""));
        });

    /// <summary>What IntervalStatsState wrote for this interval (taken from the code before it was removed).</summary>
    const string Written = """
        {
          "Episodes": 2,
          "ReturnSum": 3.5,
          "Updates": 4,
          "LossSum": 0.125,
          "NeuronsRecycled": 7,
          "MaxOutputChange": "NaN",
          "AtZero": {
            "Tau": 0,
            "Layers": [
              {
                "Layer": "Conv_0",
                "Scores": [
                  0,
                  1.5
                ],
                "Tau": 0
              }
            ]
          },
          "AtTau": null,
          "Extras": [
            {
              "Name": "alpha",
              "Sum": 0.5,
              "Count": 2
            }
          ]
        }
        """;

    [Fact]
    public void State_json_is_what_the_former_copy_records_wrote()
    {
        var stats = new IntervalStats(2, 3.5, 4, 0.125, 7, double.NaN,
            new DormancyReport(0, [new LayerDormancy("Conv_0", [0, 1.5], 0)]), null) { Extras = [new ExtraSum("alpha", 0.5, 2)] };
        Assert.Equal(Written.ReplaceLineEndings("\n"), JsonSerializer.Serialize(stats, CheckpointJson.Options).ReplaceLineEndings("\n"));
        Assert.Equal(stats, JsonSerializer.Deserialize<IntervalStats>(Written, CheckpointJson.Options));
    }
}
