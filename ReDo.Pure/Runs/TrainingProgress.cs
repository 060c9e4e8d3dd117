using System.Globalization;

namespace ReDo.Pure.Runs;

/// <summary>
/// What the trainer reports at every logging point (for the console line, the worker's log and ETAs).
/// <see cref="LearningFramesPerSecond"/> is the session's rate over its learning phase
/// (<see cref="EtaEstimate"/>; NaN until measured); <see cref="DormantFrame"/> is the frame of the row
/// that measured <see cref="LastDormant"/> (null: not measured yet), as SAC measures dormancy less often than it logs.
/// </summary>
public sealed record TrainingProgress(
    long Frames, long TotalFrames, long GradientSteps, double FramesPerSecond, double LearningFramesPerSecond,
    int RecentEpisodes, double RecentReturn, double Tau, double LastDormant, long? DormantFrame, double Epsilon, double Loss)
{
    public TimeSpan? Eta => Runs.Eta.For(TotalFrames - Frames, LearningFramesPerSecond);

    /// <summary>The console line of `redo train` / `redo resume`.</summary>
    /// <remarks>An agent without ε (SAC: NaN) gets no ε field.</remarks>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"frames {Frames:N0}/{TotalFrames:N0}  {FramesPerSecond:N0} frames/s  ETA {Runs.Eta.Text(Eta)}  " +
        $"return(last {RecentEpisodes}) {RecentReturn:0.00}  dormant(τ={Tau}) {Dormant()}  ") +
        (double.IsNaN(Epsilon) ? "" : string.Create(CultureInfo.InvariantCulture, $"ε {Epsilon:0.000}  ")) +
        string.Create(CultureInfo.InvariantCulture, $"loss {Loss:0.0000}");

    /// <summary>The last dormancy measured, with its frame when an earlier row measured it; "--" before the first.</summary>
    string Dormant() => DormantFrame is not { } at || double.IsNaN(LastDormant) ? "--"
        : at == Frames ? string.Create(CultureInfo.InvariantCulture, $"{LastDormant:P1}")
        : string.Create(CultureInfo.InvariantCulture, $"{LastDormant:P1} at frame {at:N0}");
}
