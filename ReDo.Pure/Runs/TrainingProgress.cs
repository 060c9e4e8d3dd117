using System.Globalization;

namespace ReDo.Pure.Runs;

/// <summary>What the trainer reports at every logging point (for the console line, the worker's log and ETAs).</summary>
public sealed record TrainingProgress(
    long Frames, long TotalFrames, long GradientSteps, double FramesPerSecond, double SessionFramesPerSecond,
    int RecentEpisodes, double RecentReturn, double Tau, double LastDormant, double Epsilon, double Loss)
{
    public TimeSpan? Eta => Runs.Eta.For(TotalFrames - Frames, SessionFramesPerSecond);

    /// <summary>The console line of `redo train` / `redo resume`.</summary>
    /// <remarks>An agent without ε (SAC: NaN) gets no ε field.</remarks>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"frames {Frames:N0}/{TotalFrames:N0}  {FramesPerSecond:N0} frames/s  ETA {Runs.Eta.Text(Eta)}  " +
        $"return(last {RecentEpisodes}) {RecentReturn:0.00}  dormant(τ={Tau}) {LastDormant:P1}  ") +
        (double.IsNaN(Epsilon) ? "" : string.Create(CultureInfo.InvariantCulture, $"ε {Epsilon:0.000}  ")) +
        string.Create(CultureInfo.InvariantCulture, $"loss {Loss:0.0000}");
}
