using ReDo.Pure;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>
/// One writer per run folder: an exclusive advisory lock on &lt;run folder&gt;/run.lock (flock, taken by
/// a FileStream opened with FileShare.None), held while a run is trained, resumed or run from a spec.
/// The kernel drops it when the holder's process ends, however it ends (kill -9 included), so a crash
/// never leaves a run stuck. Re-entrant on the thread that holds it (a spec's checks, the automatic
/// restarts and the runner nest); any other thread or process is refused with <see cref="RunFolderInUseException"/>.
/// Opened directly, not through IRunFiles: a held handle, not a write to retry.
/// </summary>
public static class RunFolderLock
{
    static readonly Dictionary<string, Held> HeldHere = new(StringComparer.Ordinal);

    sealed class Held(FileStream stream, int thread)
    {
        public FileStream Stream { get; } = stream;
        public int Thread { get; } = thread;
        public int Depth;
    }

    /// <summary>Takes (or, on the holding thread, re-enters) the run folder's lock; creates the folder. Dispose to release.</summary>
    public static IDisposable Take(string runFolder)
    {
        var key = Path.GetFullPath(runFolder);
        int thread = Environment.CurrentManagedThreadId;
        lock (HeldHere)
        {
            if (HeldHere.TryGetValue(key, out var held))
            {
                if (held.Thread != thread) throw InUse(runFolder);
                held.Depth++;
                return new Release(key);
            }
            Directory.CreateDirectory(runFolder);
            FileStream stream;
            try { stream = new FileStream(Path.Combine(runFolder, RunLayout.Lock), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException e) when (IsHeldElsewhere(e)) { throw InUse(runFolder); }
            HeldHere[key] = new Held(stream, thread) { Depth = 1 };
            return new Release(key);
        }
    }

    /// <summary>Whether a folder entry is the lock file, which says nothing about the run (a folder holding only it is empty).</summary>
    public static bool IsLockFile(string name) => name == RunLayout.Lock;

    /// <summary>flock's EWOULDBLOCK (EAGAIN, 11 on Linux), which .NET reports as a sharing violation.</summary>
    static bool IsHeldElsewhere(IOException e) => e.HResult == 11 || (e.HResult & 0xFFFF) == 0x20;

    static RunFolderInUseException InUse(string runFolder) =>
        new($"run folder '{runFolder}' is being written by another redo process (it holds {Path.Combine(runFolder, RunLayout.Lock)}); " +
            "one writer per run folder. Nothing was written: wait until that process ends (a stopped run continues with `redo resume`), or choose another --out.");

    sealed class Release(string key) : IDisposable
    {
        bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            lock (HeldHere)
            {
                var held = HeldHere[key];
                if (--held.Depth > 0) return;
                HeldHere.Remove(key);
                held.Stream.Dispose();   // the lock file stays: deleting it would race with a writer that just opened it
            }
        }
    }
}

/// <summary>Another process (or another thread of this one) writes the run folder; exit code 2 like every input problem.</summary>
public sealed class RunFolderInUseException(string message) : InputException(message);
