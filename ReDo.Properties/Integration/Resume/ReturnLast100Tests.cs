using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using ReDo.Pure.Metrics;
using ReDo.Shell.Agents;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// return_last100 (the MinAtar paper's curve) on a real short run: while at most 100 episodes have
/// finished it is the episode-weighted mean of the interval means so far; after that it is a mean
/// of the last 100 returns, so it lies within the range of the intervals those came from; summary.json
/// ends on the last row's value.
/// </summary>
[Collection(ResumeCollection.Name)]
public class ReturnLast100Tests
{
    [Fact]
    public void Return_last100_is_the_trailing_mean_of_the_last_100_training_episodes()
    {
        var folder = TinyRuns.Reference(TinyRuns.Config());
        var rows = MetricsCsv.Parse(File.ReadAllText(Path.Combine(folder, RunLayout.Metrics))).Rows;
        long episodes = 0;
        double sum = 0;
        var intervals = new List<(int Episodes, double Mean)>();
        foreach (var row in rows)
        {
            if (row.Episodes > 0) intervals.Add((row.Episodes, row.MeanReturn));
            episodes += row.Episodes;
            sum += row.Episodes == 0 ? 0 : row.Episodes * row.MeanReturn;
            if (episodes == 0) Assert.True(double.IsNaN(row.ReturnLast100), $"frame {row.Frames}: no episode yet, got {row.ReturnLast100}");
            else if (episodes <= 100) Assert.Equal(sum / episodes, row.ReturnLast100, 9);
            else
            {
                // The last 100 episodes lie in the newest intervals that hold ≥ 100 episodes between them.
                int k = intervals.Count, held = 0;
                while (held < 100) held += intervals[--k].Episodes;
                var window = intervals.Skip(k).Select(i => i.Mean).ToList();
                Assert.InRange(row.ReturnLast100, window.Min() - 1e-9, window.Max() + 1e-9);
            }
        }
        Assert.True(episodes > 0, "the tiny run finished no episode; the test checks nothing");
        var summary = Runner.FinishedSummary(folder, TestDisk.Files)!;
        Assert.Equal(rows[^1].ReturnLast100, summary.ReturnLast100);
        Assert.False(double.IsNaN(summary.EvalMeanReturn) || double.IsNaN(summary.RandomPolicyMeanReturn));
    }
}
