using System.Globalization;

namespace ReDo.Pure.Metrics;

/// <summary>
/// Wall-clock throughput at one logging point: a line of &lt;run&gt;/progress.csv. Kept out of
/// metrics.csv because it differs from run to run, and metrics.csv must be byte-identical between an
/// interrupted-and-resumed run and an uninterrupted one. <see cref="Session"/> counts (re)starts.
/// </summary>
public sealed record ProgressRow(long Frames, long GradientSteps, int Session, double WallSeconds, double FramesPerSecond)
{
    public const string Header = "frames,gradient_steps,session,wall_seconds,frames_per_second\n";

    /// <summary>The session number after the last one in a progress.csv's text (1 for a new file).</summary>
    public static int NextSession(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fields = lines.Length > 1 ? lines[^1].Split(',') : [];
        return fields.Length > 2 && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s + 1 : 1;
    }

    public string Format() => string.Join(',',
        Frames.ToString(CultureInfo.InvariantCulture), GradientSteps.ToString(CultureInfo.InvariantCulture),
        Session.ToString(CultureInfo.InvariantCulture), NumberText.Format(WallSeconds), NumberText.Format(FramesPerSecond)) + "\n";
}
