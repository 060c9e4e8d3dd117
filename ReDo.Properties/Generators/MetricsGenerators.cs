using FsCheck;
using FsCheck.Fluent;
using ReDo.Pure.Collections;
using ReDo.Pure.Metrics;

namespace ReDo.Properties.Generators;

/// <summary>Random metrics rows, with doubles that stress the text format (NaN, ±0, ±∞, subnormals, any bit pattern).</summary>
public static class MetricsGenerators
{
    static readonly Gen<double> AnyBits =
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select BitConverter.Int64BitsToDouble(((long)hi << 32) | (uint)lo) is var d && double.IsNaN(d) ? double.NaN : d;

    static readonly Gen<double> Special = Gen.Elements(double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity,
        double.Epsilon, double.MaxValue, double.MinValue, 1e-5, 0.1, 1.0 / 3, 0.07, 0.29, 0.57, 1.0);

    /// <summary>Dormant fractions as a run produces them (count / neurons), plus arbitrary doubles.</summary>
    static readonly Gen<double> CountFraction =
        from total in Gen.Choose(1, 10_000)
        from count in Gen.Choose(0, total)
        select (double)count / total;

    public static readonly Gen<double> Double = Gen.OneOf(AnyBits, Special, CountFraction, Gen.Choose(-100_000, 100_000).Select(x => x / 7.0));
    public static readonly Gen<double> Fraction = Gen.OneOf(CountFraction, CountFraction, Special, AnyBits);

    public static readonly Gen<string[]> Layers =
        Gen.Choose(0, 4).SelectMany(n => Gen.Constant(Enumerable.Range(0, n).Select(i => i == 0 ? "Conv_0" : $"Dense_{i - 1}").ToArray()));

    /// <summary>An agent's own columns: none (DQN) or some of SAC's, in any order.</summary>
    public static readonly Gen<string[]> Extras =
        Gen.Shuffle(new[] { "eval_return", "alpha", "actor_loss", "alpha_loss", "entropy" }).SelectMany(all => Gen.Choose(0, all.Length).Select(n => all.Take(n).ToArray()));

    static Gen<long> Long => from hi in Gen.Choose(0, int.MaxValue) from lo in Gen.Choose(int.MinValue, int.MaxValue) select ((long)hi << 32) | (uint)lo;

    public static Gen<MetricsRow> Row(string[] layers, string[] extras) =>
        from frames in Long
        from steps in Long
        from episodes in Gen.Choose(0, int.MaxValue)
        from doubles in Gen.ArrayOf(Double, 4)
        from fractions in Gen.ArrayOf(Fraction, 2 + 2 * layers.Length)
        from recycled in Gen.Choose(0, int.MaxValue)
        from own in Gen.ArrayOf(Double, extras.Length)
        select new MetricsRow(frames, steps, episodes, doubles[0], doubles[1], fractions[0], fractions[1],
            layers.Select((l, i) => new LayerFraction(l, fractions[2 + i])).ToValueList(),
            layers.Select((l, i) => new LayerFraction(l, fractions[2 + layers.Length + i])).ToValueList(),
            recycled, doubles[2], doubles[3]) { Extras = extras.Select((x, i) => new NamedValue(x, own[i])).ToValueList() };

    /// <summary>Whole files as a run writes them: rows with increasing frame counts.</summary>
    public static Arbitrary<(string[] Layers, string[] Extras, MetricsRow[] Rows)> Tables() =>
        (from layers in Layers
         from extras in Extras
         from n in Gen.Choose(0, 8)
         from rows in Gen.ArrayOf(Row(layers, extras), n)
         select (layers, extras, rows.DistinctBy(r => r.Frames).OrderBy(r => r.Frames).ToArray())).ToArbitrary();   // a run logs each frame once, in order

    /// <summary>Every double of a row, in column order (for bit-level comparison).</summary>
    public static IEnumerable<double> Doubles(MetricsRow r) =>
        [r.MeanReturn, r.Loss, r.DormantAtZero, r.DormantAtTau, .. r.LayersAtZero.Select(l => l.Fraction), .. r.LayersAtTau.Select(l => l.Fraction), r.OutputChange, r.ReturnLast100, .. r.Extras.Select(x => x.Value)];
}

/// <summary>A plausible run for plots and writer tests: returns rising with noise, dormancy growing, recycles every 4th interval.</summary>
public static class SyntheticRun
{
    public static readonly string[] Layers = ["Conv_0", "Dense_0"];

    public static IEnumerable<MetricsRow> Rows(int count, int seed, double returnScale = 40)
    {
        var r = new Random(seed);
        var returns = new Queue<double>();   // stands in for the last 100 episodes: the last 10 intervals' means
        for (int i = 0; i < count; i++)
        {
            double progress = (double)i / Math.Max(1, count - 1);
            bool measured = i % 2 == 0;
            double atTau = measured ? Math.Round((0.05 + 0.35 * progress + 0.05 * r.NextDouble()) * 144) / 144 : double.NaN;
            double atZero = measured ? Math.Round(atTau * 0.6 * 144) / 144 : double.NaN;
            int episodes = i == 0 ? 0 : r.Next(1, 30);
            double meanReturn = episodes == 0 ? double.NaN : returnScale * progress * (0.8 + 0.4 * r.NextDouble());
            if (episodes > 0) { returns.Enqueue(meanReturn); if (returns.Count > 10) returns.Dequeue(); }
            yield return new MetricsRow(
                Frames: i * 10_000L, GradientSteps: Math.Max(0, i * 2_500L - 1_250), Episodes: episodes,
                MeanReturn: meanReturn,
                Loss: i == 0 ? double.NaN : 0.02 + 0.01 * r.NextDouble(),
                DormantAtZero: atZero, DormantAtTau: atTau,
                LayersAtZero: measured ? ValueList.Of(new LayerFraction("Conv_0", atZero * 0.5), new LayerFraction("Dense_0", atZero)) : MetricsRow.NotMeasured(Layers),
                LayersAtTau: measured ? ValueList.Of(new LayerFraction("Conv_0", atTau * 0.5), new LayerFraction("Dense_0", atTau)) : MetricsRow.NotMeasured(Layers),
                NeuronsRecycled: i % 4 == 3 ? r.Next(0, 60) : 0,
                OutputChange: i % 4 == 3 ? 0.01 * r.NextDouble() : 0,
                ReturnLast100: returns.Count == 0 ? double.NaN : returns.Average());
            _ = r.NextDouble(); // was the frames/s column (now in progress.csv); drawn so the example run keeps its numbers
        }
    }
}
