namespace ReDo.Pure.Runs;

/// <summary>A point of a training session: the run's frames done, and the seconds since the session started.</summary>
public readonly record struct ProgressPoint(long Frames, double Seconds);

/// <summary>
/// The rate and ETA of a session, measured over its learning phase only: the warm-up's random play
/// (no updates) runs tens of times faster than learning, so a rate that includes it promises an end
/// far too soon ("71,862 frames/s, ETA 00:00:01" for a run of tens of minutes). The rate is measured
/// from the first point at or past <see cref="LearningFrom"/> (the session's start, if it began past
/// it); until a second such point there is no estimate.
/// </summary>
/// <param name="LearningFrom">the frame count from which every frame is a learning frame (<see cref="WarmUpCheck.LearningFrom"/>)</param>
/// <param name="Anchor">the first point of the session at or past <paramref name="LearningFrom"/>, or null before it</param>
public sealed record EtaEstimate(long LearningFrom, ProgressPoint? Anchor)
{
    /// <summary>The estimate of a session that starts at <paramref name="start"/> (frames done then, 0 seconds).</summary>
    public static EtaEstimate Start(long learningFrom, long startFrames) =>
        new(learningFrom, startFrames >= learningFrom ? new ProgressPoint(startFrames, 0) : null);

    /// <summary>The estimate once <paramref name="now"/> is reached: it anchors at the first point past the warm-up.</summary>
    public EtaEstimate With(ProgressPoint now) => Anchor is null && now.Frames >= LearningFrom ? this with { Anchor = now } : this;

    /// <summary>Learning frames per second from the anchor to <paramref name="now"/>; NaN until measured.</summary>
    public double FramesPerSecond(ProgressPoint now) =>
        Anchor is { } a && now.Frames > a.Frames && now.Seconds > a.Seconds ? (now.Frames - a.Frames) / (now.Seconds - a.Seconds) : double.NaN;

    /// <summary>Time left for the run's <paramref name="totalFrames"/> at the learning rate; null until measured.</summary>
    public TimeSpan? Eta(ProgressPoint now, long totalFrames) => Runs.Eta.For(totalFrames - now.Frames, FramesPerSecond(now));
}
