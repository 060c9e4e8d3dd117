using ReDo.Pure.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Runs;

/// <summary>
/// The console line of train and resume: no ETA until the learning rate is measured, and a dormancy
/// value measured at an earlier row says when (SAC logs every 1,000 frames and measures every 10,000
/// gradient steps), never repeated as if new.
/// </summary>
public class ProgressLineExamples
{
    static TrainingProgress At(long frames, double learningRate, double dormant, long? dormantFrame) =>
        new(frames, 20_000, frames / 2, 4_000, learningRate, 10, 1.5, 0.1, dormant, dormantFrame, double.NaN, 0.25);

    [Fact]
    public void Before_its_first_measurement_dormancy_and_eta_are_blank()
    {
        var line = At(1_000, double.NaN, double.NaN, null).Line();
        Assert.Contains("ETA --:--:--", line);
        Assert.Contains("dormant(τ=0.1) --  ", line);
    }

    [Fact]
    public void A_value_measured_at_this_row_is_shown_plain_and_an_older_one_with_its_frame()
    {
        Assert.Contains("dormant(τ=0.1) 12.5 %  ", At(10_000, 50, 0.125, 10_000).Line());
        var later = At(11_000, 50, 0.125, 10_000).Line();
        Assert.Contains("dormant(τ=0.1) 12.5 % at frame 10,000  ", later);
        Assert.Contains("ETA 00:03:00", later);   // 9,000 frames left at 50 frames/s
        Assert.DoesNotContain("ε", later);         // SAC has none
    }
}
