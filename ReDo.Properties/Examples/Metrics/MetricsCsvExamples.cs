using ReDo.Pure.Collections;
using ReDo.Pure.Metrics;
using Xunit;

namespace ReDo.Properties.Examples.Metrics;

/// <summary>metrics.csv as documented: the header and rows written, percentages as text, and malformed files named by line and column.</summary>
public class MetricsCsvExamples
{
    [Fact]
    public void Binary_times_100_would_not_round_trip_but_the_text_does()
    {
        // 1/3 * 100 / 100 != 1/3 in binary (so are 3233 of the fractions k/n with n < 200): the
        // reason percentages are written by moving the decimal point.
        double third = 1.0 / 3;
        Assert.NotEqual(third, third * 100 / 100);
        Assert.Equal(third, PercentText.ToFraction(PercentText.FromFraction(third)));
        Assert.Equal("7", PercentText.FromFraction(0.07));
        Assert.Equal(0.07, PercentText.ToFraction("7"));
        Assert.Equal("0.001", PercentText.FromFraction(1e-5));
        Assert.Equal("33.33333333333333", PercentText.FromFraction(1.0 / 3));
        Assert.Equal("100", PercentText.FromFraction(1));
    }

    [Fact]
    public void Header_and_row_look_as_documented()
    {
        var row = new MetricsRow(20_000, 4_999, 3, 1.5, double.NaN, 0.25, 0.5,
            ValueList.Of(new LayerFraction("Conv_0", 0.125), new LayerFraction("Dense_0", 0.3)),
            ValueList.Of(new LayerFraction("Conv_0", 0.25), new LayerFraction("Dense_0", double.NaN)), 12, 0.0142, 1.25) { DormantAtTenth = 0.375 };
        Assert.Equal(
            "frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,dormant_pct_tau0/Conv_0,dormant_pct_tau0/Dense_0,dormant_pct_tau/Conv_0,dormant_pct_tau/Dense_0,neurons_recycled,output_change,return_last100,dormant_pct_tau0.1\n" +
            "20000,4999,3,1.5,,25,50,12.5,30,25,,12,0.0142,1.25,37.5\n",
            MetricsCsv.Format(["Conv_0", "Dense_0"], [row]));
    }

    [Fact]
    public void A_file_from_before_the_tenth_column_parses_and_formats_without_it()
    {
        const string old =
            "frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,dormant_pct_tau0/A,dormant_pct_tau/A,neurons_recycled,output_change,return_last100\n" +
            "5000,0,3,1.5,,25,50,25,50,0,0,1.25\n";
        var table = MetricsCsv.Parse(old);
        Assert.False(table.AtTenth);
        Assert.True(double.IsNaN(table.Rows[0].DormantAtTenth));
        Assert.Equal(old, MetricsCsv.Format(table.Layers, table.Rows, atTenth: false));
        Assert.True(MetricsCsv.Parse(MetricsCsv.Format(table.Layers, table.Rows)).AtTenth);
    }

    [Fact]
    public void An_agent_s_own_columns_follow_return_last100()
    {
        var row = new MetricsRow(20_000, 10_000, 7, -3.5, 0.75, 0.1, 0.1, ValueList.Of(new LayerFraction("actor", 0.125)), ValueList.Of(new LayerFraction("actor", 0.125)), 0, 0, 12.5)
        {
            DormantAtTenth = 0.05,
            Extras = ValueList.Of(new NamedValue("eval_return", 1234.5), new NamedValue("alpha", double.NaN)),
        };
        var text = MetricsCsv.Format(["actor"], [row], ["eval_return", "alpha"]);
        Assert.Equal(
            "frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,dormant_pct_tau0/actor,dormant_pct_tau/actor,neurons_recycled,output_change,return_last100,dormant_pct_tau0.1,eval_return,alpha\n" +
            "20000,10000,7,-3.5,0.75,10,10,12.5,12.5,0,0,12.5,5,1234.5,\n", text);
        Assert.Equal(row, MetricsCsv.Parse(text).Rows[0]);
        Assert.Throws<ArgumentException>(() => MetricsCsv.FormatRow(row, ["actor"], ["alpha", "eval_return"]));
        Assert.Throws<ArgumentException>(() => MetricsCsv.Header(["actor"], ["loss"]));
        Assert.Throws<ArgumentException>(() => MetricsCsv.Header(["actor"], ["dormant_pct_tau/x"]));
        Assert.Throws<ArgumentException>(() => MetricsCsv.Header(["actor"], ["alpha", "alpha"]));
        Assert.Contains("appears twice", Assert.Throws<MetricsCsvException>(() => MetricsCsv.Parse(text.Replace("eval_return,alpha\n", "alpha,alpha\n"))).Message);
    }

    [Fact]
    public void A_row_with_other_layers_is_rejected()
    {
        var row = new MetricsRow(0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, MetricsRow.NotMeasured(["A"]), MetricsRow.NotMeasured(["A"]), 0, 0);
        Assert.Contains("NotMeasured", Assert.Throws<ArgumentException>(() => MetricsCsv.FormatRow(row, ["B"])).Message);
        Assert.Throws<ArgumentException>(() => MetricsCsv.Header(["a,b"]));
    }

    const string Header = "frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,neurons_recycled,output_change,return_last100\n";

    [Theory]
    [InlineData("", 1, 1, "empty")]
    [InlineData("step,loss\n", 1, 1, "expected column 'frames'")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,", 2, 19, "cut off")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,\n10,0,0,1,2\n", 3, 6, "5 fields but the header has 10")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,\n10,0,0,1,x,3,4,0,0,\n", 3, 5, "loss 'x' is not a number")]
    [InlineData(Header + "1.5,0,0,1,2,3,4,0,0,\n", 2, 1, "frames '1.5' is not an integer")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,\n1000,0,0,1,2,3,4,0,0,\n1000,0,0,1,2,3,4,0,0,\n", 4, 1, "frame 1,000 follows frame 1,000: rows are repeated or out of order")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,\n2000,0,0,1,2,3,4,0,0,\n1000,0,0,1,2,3,4,0,0,\n", 4, 1, "frame 1,000 follows frame 2,000")]
    [InlineData(Header + "0,0,0,1,2,3,4%,0,0,\n", 2, 7, "dormant_pct_tau '4%' is not a percentage")]
    [InlineData(Header + "0,0,0,1,2,3,4,0,0,y\n", 2, 10, "return_last100 'y' is not a number")]
    [InlineData("frames,gradient_steps,episodes,mean_return,loss,dormant_pct_tau0,dormant_pct_tau,dormant_pct_tau0/A,dormant_pct_tau/B,neurons_recycled,output_change,return_last100\n", 1, 9, "expected column 'dormant_pct_tau/A'")]
    public void Malformed_files_are_rejected_naming_line_and_column(string text, int line, int column, string problem)
    {
        var e = Assert.Throws<MetricsCsvException>(() => MetricsCsv.Parse(text));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"line {line}, column {column}: ", e.Message);
    }

    [Fact]
    public void Windows_line_ends_and_nan_spellings_are_read()
    {
        var t = MetricsCsv.Parse(Header.Replace("\n", "\r\n") + "0,0,0,nan,NaN,,4,0,0,nan\r\n");
        Assert.True(double.IsNaN(t.Rows[0].MeanReturn) && double.IsNaN(t.Rows[0].Loss) && double.IsNaN(t.Rows[0].DormantAtZero) && double.IsNaN(t.Rows[0].ReturnLast100));
        Assert.Equal(0.04, t.Rows[0].DormantAtTau);
    }
}
