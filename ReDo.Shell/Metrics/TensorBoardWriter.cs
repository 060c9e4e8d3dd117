using ReDo.Pure.Metrics;
using ReDo.Shell.Files;
using static TorchSharp.torch.utils;

namespace ReDo.Shell.Metrics;

/// <summary>
/// One session's TensorBoard event file in the run folder, written by TorchSharp's
/// <c>torch.utils.tensorboard.SummaryWriter</c>: it creates <c>events.out.tfevents.&lt;ticks&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;n&gt;</c>
/// with its file-version event, then each row adds one scalar event per tag with step = frames.
/// Every session (a new run, each resume) gets a file of its own; the checkpoint store cuts all of
/// them back to the checkpoint on resume (<see cref="EventFiles"/>). Rows go through
/// <see cref="IRunFiles.AppendBy"/>, so the retry layer and the flush to the device apply as to metrics.csv.
/// </summary>
public sealed class TensorBoardWriter
{
    readonly TorchSharp.Modules.SummaryWriter _writer;
    readonly IRunFiles _files;
    readonly TimeProvider _clock;

    /// <summary>This session's event file.</summary>
    public string Path { get; }

    public TensorBoardWriter(string runFolder, IRunFiles files, TimeProvider? clock = null)
    {
        _files = files;
        _clock = clock ?? TimeProvider.System;
        var before = files.Files(runFolder, RunLayout.TensorBoardFiles).ToHashSet();
        // The library names the file itself and writes the file-version event at once (its own I/O, not retried:
        // a failure here stops the session before any row, and a torn file is cut away at the next resume).
        _writer = tensorboard.SummaryWriter(runFolder);
        var created = files.Files(runFolder, RunLayout.TensorBoardFiles).Where(f => !before.Contains(f)).ToList();
        if (created.Count != 1)
            throw new IOException($"TorchSharp's SummaryWriter was expected to create one event file in {runFolder}, found {created.Count}: is another process writing TensorBoard files there?");
        Path = System.IO.Path.Combine(runFolder, created[0]);
    }

    /// <summary>The row's scalars (NaN ones left out), all at step = frames and the same wall time (whole seconds: the library's unit).</summary>
    public void Write(MetricsRow row)
    {
        int step = checked((int)row.Frames);   // Run:Frames ≤ int.MaxValue is validated with the config
        long wallTime = _clock.GetUtcNow().ToUnixTimeSeconds();
        var scalars = TensorBoardScalars.Of(row).ToList();
        _files.AppendBy(Path, () =>
        {
            foreach (var (tag, value) in scalars) _writer.add_scalar(tag, (float)value, step, wallTime);
        });
    }
}
