using ReDo.Pure.Metrics;

namespace ReDo.Shell.Metrics;

/// <summary>
/// Serialized tensorflow.Event messages. Field numbers (event.proto, summary.proto):
/// Event{wall_time = 1 double, step = 2 int64, file_version = 3 string, summary = 5 Summary},
/// Summary{value = 1 repeated Value}, Value{tag = 1 string, simple_value = 2 float}.
/// </summary>
public static class TensorBoardEvents
{
    public const string FileVersion = "brain.Event:2";

    public static byte[] FileVersionEvent(double wallTime) =>
        new ProtoWriter().Double(1, wallTime).String(3, FileVersion).ToArray();

    public static byte[] ScalarsEvent(double wallTime, long step, IEnumerable<(string Tag, double Value)> scalars)
    {
        var summary = new ProtoWriter();
        foreach (var (tag, value) in scalars)
            summary.Bytes(1, new ProtoWriter().String(1, tag).Float(2, (float)value).ToArray());
        return new ProtoWriter().Double(1, wallTime).Int64(2, step).Bytes(5, summary.ToArray()).ToArray();
    }

    /// <summary>The scalars of one row, by TensorBoard tag; NaN (not measured) values are left out.</summary>
    public static IEnumerable<(string Tag, double Value)> Scalars(MetricsRow row)
    {
        IEnumerable<(string, double)> all =
        [
            ("return/mean", row.MeanReturn),
            ("return/last100", row.ReturnLast100),
            ("return/episodes", row.Episodes),
            ("loss", row.Loss),
            ("dormant/tau0", 100 * row.DormantAtZero),
            ("dormant/tau", 100 * row.DormantAtTau),
            .. row.LayersAtZero.Select(l => ($"dormant/tau0/{l.Layer}", 100 * l.Fraction)),
            .. row.LayersAtTau.Select(l => ($"dormant/tau/{l.Layer}", 100 * l.Fraction)),
            ("recycle/neurons", row.NeuronsRecycled),
            ("recycle/output_change", row.OutputChange),
            ("perf/gradient_steps", row.GradientSteps),
            .. row.Extras.Select(x => ($"agent/{x.Name}", x.Value)),
        ];
        return all.Where(s => !double.IsNaN(s.Item2));
    }
}
