using ReDo.Pure.Metrics;

namespace ReDo.Shell.Metrics;

/// <summary>
/// Writes &lt;run folder&gt;/events.out.tfevents.&lt;unix seconds&gt;.&lt;host&gt;, which
/// <c>tensorboard --logdir &lt;run folder&gt;</c> reads: a file-version event, then one event per
/// row with step = frames and the row's scalars (percentages for dormancy, as in metrics.csv).
/// </summary>
public sealed class TensorBoardWriter
{
    readonly IRunFiles _files;
    readonly TimeProvider _clock;

    public string Path { get; }

    public TensorBoardWriter(string runFolder, IRunFiles files, TimeProvider? clock = null, string? hostName = null)
    {
        _files = files;
        _clock = clock ?? TimeProvider.System;
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        Path = System.IO.Path.Combine(runFolder, $"events.out.tfevents.{now}.{hostName ?? Environment.MachineName}");
        _files.AppendBytes(Path, TfRecord.Frame(TensorBoardEvents.FileVersionEvent(WallTime())));
    }

    TensorBoardWriter(string path, IRunFiles files, TimeProvider clock) => (Path, _files, _clock) = (path, files, clock);

    /// <summary>Appends to an existing event file (a resumed run keeps one file; its version event is already there).</summary>
    public static TensorBoardWriter Continue(string path, IRunFiles files, TimeProvider? clock = null) =>
        new(path, files, clock ?? TimeProvider.System);

    public void Write(MetricsRow row) =>
        _files.AppendBytes(Path, TfRecord.Frame(TensorBoardEvents.ScalarsEvent(WallTime(), row.Frames, TensorBoardEvents.Scalars(row))));

    double WallTime() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
