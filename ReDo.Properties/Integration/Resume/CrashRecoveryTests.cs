using System.Runtime.InteropServices;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// Defence in depth against libtorch crashes (docs/long-runs.md): a native-style failure (the ExternalException libtorch raises)
/// injected mid-run is logged with its frame and the run resumes from its last good checkpoint by
/// itself; the final metrics.csv and weights equal the uninterrupted run's byte for byte.
/// </summary>
[Collection(ResumeCollection.Name)]   // shares TinyRuns' references: must not run beside other torch work
public class CrashRecoveryTests
{
    /// <summary>The real disk, but the listed appends (1-based count) throw libtorch's exception type instead of writing.</summary>
    sealed class NativeFaultFiles(IRunFiles disk, params int[] failAtAppend) : IRunFiles
    {
        int _appends;
        public int Injected { get; private set; }

        public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
        {
            FailIfListed();
            disk.AppendBytes(path, bytes);
        }

        public void AppendBy(string path, Action write)
        {
            FailIfListed();
            disk.AppendBy(path, write);
        }

        void FailIfListed()
        {
            if (!failAtAppend.Contains(++_appends)) return;
            Injected++;
            throw new ExternalException("Expected false to be true, but got false. (injected at append " + _appends + ")\nException raised from toFloat at /pytorch/c10/core/Scalar.h:140");
        }

        public void AppendText(string path, string text) => AppendBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
        public bool Exists(string path) => disk.Exists(path);
        public bool DirectoryExists(string path) => disk.DirectoryExists(path);
        public string ReadAllText(string path) => disk.ReadAllText(path);
        public byte[] ReadAllBytes(string path) => disk.ReadAllBytes(path);
        public long Length(string path) => disk.Length(path);
        public void Truncate(string path, long length) => disk.Truncate(path, length);
        public void WriteDurable(string path, ReadOnlySpan<byte> bytes) => disk.WriteDurable(path, bytes);
        public void Delete(string path) => disk.Delete(path);
        public void Rename(string from, string to) => disk.Rename(from, to);
        public void CreateDirectory(string path) => disk.CreateDirectory(path);
        public void DeleteDirectory(string path) => disk.DeleteDirectory(path);
        public IReadOnlyList<string> Directories(string path) => disk.Directories(path);
        public IReadOnlyList<string> Files(string path, string pattern) => disk.Files(path, pattern);
    }

    [Fact]
    public void Two_native_failures_mid_run_are_logged_resumed_and_give_the_uninterrupted_result()
    {
        var config = TinyRuns.Config();
        var reference = TinyRuns.Reference(config);
        var folder = TinyRuns.NewFolder("crash");
        var files = new NativeFaultFiles(DiskRunFiles.Instance, 9, 20);   // appends are metrics/progress/TensorBoard rows: mid-run
        var notes = new StringWriter();
        var summary = CrashRecovery.TrainWithRestarts(config, folder, files, notes, CancellationToken.None);
        Assert.Equal(2, files.Injected);
        Assert.True(summary.Finished);
        var log = notes.ToString();
        Assert.Equal(2, log.Split("native failure in libtorch at frame").Length - 1);
        Assert.Contains("Scalar.h:140", log);                                   // the exception is logged whole
        Assert.Contains("automatic restart 2 of at most 3", log);
        TinyRuns.AssertSameResult(reference, folder);
    }

    [Fact]
    public void With_restarts_used_up_the_failure_ends_the_command_naming_frame_and_checkpoint()
    {
        var config = TinyRuns.Config() with { Run = TinyRuns.Config().Run with { MaxRestarts = 1 } };
        var folder = TinyRuns.NewFolder("crash-out");
        var files = new NativeFaultFiles(DiskRunFiles.Instance, 9, 20);
        var e = Assert.Throws<NativeFailureException>(() => CrashRecovery.TrainWithRestarts(config, folder, files, TextWriter.Null, CancellationToken.None));
        Assert.True(e.Frame > 0);
        Assert.Contains("the last good checkpoint is ckpt-", e.Message);
        Assert.IsType<ExternalException>(e.InnerException);
    }
}
