using Microsoft.Extensions.Logging;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Integration.Resume;

/// <summary>
/// The environment's faults are not a run's: while the run folders are read-only (EROFS) the worker
/// keeps the running spec and every pending one where they are, says what it waits for, backs off,
/// and finishes the queue once the disk is writable again; a queue folder that disappears stops it
/// with one clear line.
/// </summary>
[Collection(ResumeCollection.Name)]
public class WorkerOutageTests
{
    [Fact]
    public void A_read_only_outage_leaves_the_specs_in_place_and_the_queue_finishes_after_it()
    {
        var root = TinyRuns.NewFolder("outage");
        var files = new ReadOnlyOutage(TestDisk.Files, Path.Combine(root, "runs")) { On = true };
        var queue = new QueueFolders(root, files);
        new QueueFolders(root, TestDisk.Files).CreateAll();   // the queue existed before the remount
        var config = ConfigLoader.ToJsonElement(TinyRuns.Config(frames: 600));
        foreach (var seed in new[] { 1, 2 }) RunSpecFiles.Write(new RunSpec($"tiny-{seed}", "tests", config, [], seed), root, TestDisk.Files);
        var log = new ListLogger();
        int code = -1;
        Exception? crash = null;
        var worker = new Thread(() =>
        {
            try { code = new QueueWorker(queue, files, log, exitWhenEmpty: true, TimeSpan.FromMilliseconds(50)).Run(CancellationToken.None); }
            catch (Exception e) { crash = e; }
        });
        worker.Start();

        Assert.True(SpinWait.SpinUntil(() => log.Text.Split("waiting").Length > 3 || !worker.IsAlive, TimeSpan.FromSeconds(60)), log.Text);   // three back-offs in a row
        Assert.Null(crash);
        Assert.True(worker.IsAlive, log.Text);
        Assert.Empty(Directory.GetFiles(queue.Failed));
        Assert.Equal(["tiny-1"], queue.InRunning());
        Assert.Equal(["tiny-2"], queue.Pending());
        Assert.Contains("Read-only file system", log.Text);
        files.On = false;

        Assert.True(worker.Join(TimeSpan.FromSeconds(180)), log.Text);
        Assert.Null(crash);
        Assert.Equal(0, code);
        Assert.Empty(Directory.GetFiles(queue.Failed));
        Assert.Equal(["tiny-1.json", "tiny-2.json"], Directory.GetFiles(queue.Done).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_queue_folder_that_disappears_stops_the_worker_with_one_line()
    {
        var root = TinyRuns.NewFolder("vanish");
        var queue = new QueueFolders(root, TestDisk.Files);
        var log = new ListLogger();
        int code = -1;
        Exception? crash = null;
        var worker = new Thread(() =>
        {
            try { code = new QueueWorker(queue, TestDisk.Files, log, exitWhenEmpty: false, TimeSpan.FromMilliseconds(50)).Run(CancellationToken.None); }
            catch (Exception e) { crash = e; }
        });
        worker.Start();
        Assert.True(SpinWait.SpinUntil(() => Directory.Exists(queue.Running), TimeSpan.FromSeconds(30)));
        Directory.Delete(root, recursive: true);
        Assert.True(worker.Join(TimeSpan.FromSeconds(30)), "the worker kept polling a queue folder that is gone");
        Assert.Null(crash);
        Assert.Equal(1, code);
        Assert.Contains($"queue folder {root} (or its running/) is gone; the worker stops", log.Text);
    }

    /// <summary>The real disk, with every write under <paramref name="folder"/> refused as a read-only remount does while <see cref="On"/>.</summary>
    sealed class ReadOnlyOutage(IRunFiles disk, string folder) : IRunFiles
    {
        public volatile bool On;

        void Check(string path)
        {
            if (On && Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder), StringComparison.Ordinal))
                throw new IOException($"Read-only file system : '{path}'", IoErrors.ReadOnlyFileSystem);
        }

        public bool Exists(string path) => disk.Exists(path);
        public bool DirectoryExists(string path) => disk.DirectoryExists(path);
        public string ReadAllText(string path) => disk.ReadAllText(path);
        public byte[] ReadAllBytes(string path) => disk.ReadAllBytes(path);
        public long Length(string path) => disk.Length(path);
        public void AppendText(string path, string text) { Check(path); disk.AppendText(path, text); }
        public void AppendBytes(string path, ReadOnlySpan<byte> bytes) { Check(path); disk.AppendBytes(path, bytes); }
        public void AppendBy(string path, Action write) { Check(path); disk.AppendBy(path, write); }
        public void Truncate(string path, long length) { Check(path); disk.Truncate(path, length); }
        public void WriteDurable(string path, ReadOnlySpan<byte> bytes) { Check(path); disk.WriteDurable(path, bytes); }
        public void Delete(string path) { Check(path); disk.Delete(path); }
        public void Rename(string from, string to) { Check(to); disk.Rename(from, to); }
        public void CreateDirectory(string path) { if (!disk.DirectoryExists(path)) Check(path); disk.CreateDirectory(path); }   // an existing folder is no write
        public void DeleteDirectory(string path) { Check(path); disk.DeleteDirectory(path); }
        public IReadOnlyList<string> Directories(string path) => disk.Directories(path);
        public IReadOnlyList<string> Files(string path, string pattern) => disk.Files(path, pattern);
    }

    sealed class ListLogger : ILogger
    {
        readonly System.Text.StringBuilder _text = new();
        public string Text { get { lock (_text) return _text.ToString(); } }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_text) _text.AppendLine(formatter(state, exception));
        }
    }
}
