using ReDo.Properties.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReDo.Pure.Metrics;
using Xunit;

namespace ReDo.Properties.Laws.Metrics;

/// <summary>metrics.csv reads back what was written, bit for bit, and the same rows always give the same bytes.</summary>
public class MetricsCsvLaws
{
    static void BitIdentical(double expected, double actual, string where) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{where}: wrote {expected:R} read {actual:R}");

    [Law(Runs = 300)]
    public Property Format_then_parse_gives_the_rows_back_bit_identically() =>
        Prop.ForAll(MetricsGenerators.Tables(), t =>
        {
            var text = MetricsCsv.Format(t.Layers, t.Rows, t.Extras);
            var table = MetricsCsv.Parse(text);
            Assert.Equal(t.Layers, table.Layers);
            Assert.Equal(t.Extras, table.Extras);
            Assert.Equal(t.Rows.Length, table.Rows.Count);
            for (int i = 0; i < t.Rows.Length; i++)
            {
                Assert.Equal(t.Rows[i], table.Rows[i]);   // records: counts, layer names (NaN == NaN here)
                var expected = MetricsGenerators.Doubles(t.Rows[i]).ToList();
                var actual = MetricsGenerators.Doubles(table.Rows[i]).ToList();
                for (int k = 0; k < expected.Count; k++) BitIdentical(expected[k], actual[k], $"row {i}, double {k}");
            }
            Assert.Equal(text, MetricsCsv.Format(table.Layers, table.Rows, table.Extras));   // and the text is a fixed point
        });

    [Law(Runs = 1000)]
    public Property Percent_text_reads_back_every_double_exactly() =>
        Prop.ForAll(MetricsGenerators.Double.ToArbitrary(), f =>
        {
            var text = PercentText.FromFraction(f);
            var back = PercentText.ToFraction(text);
            Assert.NotNull(back);
            BitIdentical(f, back!.Value, $"'{text}'");
            if (double.IsFinite(f) && Math.Abs(f) is > 1e-3 and < 1e12)   // and it is the percentage a reader expects
                Assert.Equal(f * 100, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Math.Abs(f) * 1e-12);
        });
}
