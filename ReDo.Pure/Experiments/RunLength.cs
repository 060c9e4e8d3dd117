using System.Globalization;

namespace ReDo.Pure.Experiments;

/// <summary>
/// A planned run's own length in frames. An experiment's size sets the frames of every run, but a cell
/// may set its own (the dormancy study gives each replay ratio the same gradient budget, so RR 4 runs
/// 145,000 frames where RR 1 runs 520,000): the run's last <c>Run:Frames=</c> override wins, as it does
/// when the run's configuration is loaded.
/// </summary>
public static class RunLength
{
    const string Key = "Run:Frames=";

    public static long Of(PlannedRun run, long sizeFrames) => Of(run.Overrides, sizeFrames);

    public static long Of(IReadOnlyList<string> overrides, long sizeFrames)
    {
        long frames = sizeFrames;
        foreach (var o in overrides)
            if (o.StartsWith(Key, StringComparison.Ordinal)
                && long.TryParse(o.AsSpan(Key.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f > 0)
                frames = f;
        return frames;
    }

    /// <summary>The shortest and longest run of the plan.</summary>
    public static (long Min, long Max) Range(ExperimentPlan plan) =>
        plan.Runs.Length == 0 ? (plan.Frames, plan.Frames)
            : (plan.Runs.Min(r => Of(r, plan.Frames)), plan.Runs.Max(r => Of(r, plan.Frames)));

    /// <summary>"520,000 frames each", or "36,250–520,000 frames (each cell sets its own)".</summary>
    public static string Describe(ExperimentPlan plan)
    {
        var (min, max) = Range(plan);
        string N(long x) => x.ToString("N0", CultureInfo.InvariantCulture);
        return min == max ? $"{N(min)} frames each" : $"{N(min)}–{N(max)} frames (each cell sets its own length)";
    }
}
