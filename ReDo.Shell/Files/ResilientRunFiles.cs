using Polly;
using Polly.Retry;

namespace ReDo.Shell.Files;

/// <summary>
/// Retries transient I/O failures of the inner files with exponential backoff (Polly). An append is
/// made idempotent: each attempt first cuts the file back to its length before the first attempt,
/// so a half-written earlier attempt leaves neither a torn nor a duplicated row. Disk full, a read-only
/// file system, a missing or not-a-folder path, permissions and name clashes are not retried; a full
/// disk surfaces as <see cref="DiskFullException"/> naming the file.
/// </summary>
public sealed class ResilientRunFiles : IRunFiles
{
    readonly IRunFiles _inner;
    readonly ResiliencePipeline _pipeline;

    public ResilientRunFiles(IRunFiles inner, int maxRetries = 6, TimeSpan? firstDelay = null, Action<string>? onRetry = null)
    {
        _inner = inner;
        _pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<IOException>(IsTransient),
            MaxRetryAttempts = maxRetries,
            Delay = firstDelay ?? TimeSpan.FromMilliseconds(100),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                onRetry?.Invoke($"I/O failed ({args.Outcome.Exception?.Message}); retry {args.AttemptNumber + 1} of {maxRetries} in {args.RetryDelay.TotalMilliseconds:0} ms");
                return default;
            },
        }).Build();
    }

    /// <summary>
    /// The real disk behind retries: what every command uses (registered once in Composition.cs) and what
    /// a caller outside the host passes explicitly; nothing falls back to the raw disk by itself.
    /// </summary>
    public static IRunFiles OnDisk(Action<string>? onRetry = null) => new ResilientRunFiles(DiskRunFiles.Instance, onRetry: onRetry);

    /// <summary>Transient: an I/O error that can clear by itself (<see cref="IoErrors.IsTransient"/>); the rest surface at once.</summary>
    static bool IsTransient(IOException e) => IoErrors.IsTransient(e);

    public bool Exists(string path) => Run(path, () => _inner.Exists(path));
    public bool DirectoryExists(string path) => Run(path, () => _inner.DirectoryExists(path));
    public string ReadAllText(string path) => Run(path, () => _inner.ReadAllText(path));
    public byte[] ReadAllBytes(string path) => Run(path, () => _inner.ReadAllBytes(path));
    public long Length(string path) => Run(path, () => _inner.Length(path));
    public void AppendText(string path, string text) => AppendBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void AppendBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        IdempotentAppend(path, () => _inner.AppendBytes(path, copy));
    }

    public void AppendBy(string path, Action write) => IdempotentAppend(path, () => _inner.AppendBy(path, write));

    /// <summary>Each attempt first cuts the file back to its length before the first attempt.</summary>
    void IdempotentAppend(string path, Action append)
    {
        long? before = null;
        Run(path, () =>
        {
            before ??= _inner.Length(path);
            if (_inner.Length(path) > before) _inner.Truncate(path, before.Value);
            append();
            return 0;
        });
    }

    public void Truncate(string path, long length) => Run(path, () => { _inner.Truncate(path, length); return 0; });

    public void WriteDurable(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Run(path, () => { _inner.WriteDurable(path, copy); return 0; });
    }

    public void Delete(string path) => Run(path, () => { _inner.Delete(path); return 0; });
    public void Rename(string from, string to) => Run(to, () => { _inner.Rename(from, to); return 0; });
    public void CreateDirectory(string path) => Run(path, () => { _inner.CreateDirectory(path); return 0; });
    public void DeleteDirectory(string path) => Run(path, () => { _inner.DeleteDirectory(path); return 0; });
    public IReadOnlyList<string> Directories(string path) => Run(path, () => _inner.Directories(path));
    public IReadOnlyList<string> Files(string path, string pattern) => Run(path, () => _inner.Files(path, pattern));

    T Run<T>(string path, Func<T> action)
    {
        try { return _pipeline.Execute(action); }
        catch (IOException e) when (e is not DiskFullException && DiskFullException.Is(e)) { throw new DiskFullException(path, e); }
    }
}
