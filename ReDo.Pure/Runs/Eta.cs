namespace ReDo.Pure.Runs;

/// <summary>Time left for a number of frames at a measured rate; null while the rate is unknown.</summary>
public static class Eta
{
    public static TimeSpan? For(long framesLeft, double framesPerSecond) =>
        framesPerSecond > 0 && double.IsFinite(framesPerSecond) && framesLeft >= 0
            ? TimeSpan.FromSeconds(Math.Min(framesLeft / framesPerSecond, TimeSpan.MaxValue.TotalSeconds / 2))
            : null;

    public static string Text(TimeSpan? eta) => eta is { } t ? $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}" : "--:--:--";
}
