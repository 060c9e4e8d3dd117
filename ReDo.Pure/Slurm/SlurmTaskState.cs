using System.Globalization;
using System.Text.RegularExpressions;

namespace ReDo.Pure.Slurm;

/// <summary>
/// What Slurm says of one array task ("job_index"): its state (PENDING, RUNNING, COMPLETED, FAILED …),
/// the reason Slurm gives (BeginTime, NonZeroExitCode …; "None" when it gives none), how often it was
/// requeued, and its exit code ("1:0", code:signal; null when not known).
/// </summary>
public sealed record SlurmTaskState(string TaskId, string State, string Reason, int Restarts, string? ExitCode)
{
    /// <summary>States in which Slurm still runs, or will run, the task: submitting its spec again would run it twice.</summary>
    static readonly HashSet<string> ActiveStates =
        ["PENDING", "RUNNING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "SUSPENDED", "CONFIGURING", "COMPLETING", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD"];

    public bool Active => ActiveStates.Contains(State);

    public bool Failed => State is "FAILED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY" or "BOOT_FAIL" or "DEADLINE" or "CANCELLED" or "PREEMPTED";

    /// <summary>For a person: "running", "pending (Resources)", "requeued 1×, pending (BeginTime)", "failed: exit 1, NonZeroExitCode".</summary>
    public string Describe()
    {
        var state = State.ToLowerInvariant().Replace('_', ' ');
        var requeued = State.StartsWith("REQUEUE", StringComparison.Ordinal) ? "" : Restarts > 0 ? $"requeued {Restarts}×, " : "";
        var reason = Reason is "None" or "" ? null : Reason;
        if (Failed)
        {
            var exit = ExitCode is { } e && e != "0:0" ? $"exit {ExitText(e)}" : null;
            var why = string.Join(", ", new[] { exit, reason }.Where(x => x is not null));
            return $"{requeued}{state}" + (why.Length > 0 ? ": " + why : "");
        }
        return $"{requeued}{state}" + (reason is not null ? $" ({reason})" : "");
    }

    /// <summary>"1:0" → "1"; "0:9" → "signal 9".</summary>
    static string ExitText(string code)
    {
        var parts = code.Split(':');
        return parts.Length == 2 && parts[0] == "0" && parts[1] != "0" ? $"signal {parts[1]}" : parts[0];
    }
}

/// <summary>
/// Parses what Slurm's commands print about array tasks: squeue (active tasks), <c>scontrol show job -o</c>
/// (every task Slurm still remembers, with restarts and exit codes; works without accounting) and sacct
/// (tasks that ended long ago, where a cluster keeps accounting), and merges them, the most detailed first.
/// </summary>
public static class SlurmStates
{
    /// <summary>The squeue format <see cref="ParseSqueue"/> reads: task id, state, reason.</summary>
    public const string SqueueFormat = "%i|%T|%r";

    /// <summary>The sacct fields <see cref="ParseSacct"/> reads (with -P -n -X).</summary>
    public const string SacctFields = "JobID,State,ExitCode,Reason";

    /// <summary><c>squeue -h -r -o "%i|%T|%r"</c>: one task per line (array tasks as job_index); other lines are skipped.</summary>
    public static IReadOnlyList<SlurmTaskState> ParseSqueue(string text) =>
        Lines(text).Select(l => l.Split('|')).Where(p => p.Length >= 3 && IsTaskId(p[0].Trim()))
            .Select(p => new SlurmTaskState(p[0].Trim(), p[1].Trim(), string.Join('|', p[2..]).Trim(), 0, null)).ToList();

    /// <summary><c>scontrol show job -o &lt;id&gt;</c>: one job per line as Key=Value pairs; array tasks only (ArrayJobId and ArrayTaskId).</summary>
    public static IReadOnlyList<SlurmTaskState> ParseScontrol(string text)
    {
        var tasks = new List<SlurmTaskState>();
        foreach (var line in Lines(text))
        {
            var job = Value(line, "ArrayJobId");
            var index = Value(line, "ArrayTaskId");
            var state = Value(line, "JobState");
            if (job is null || state is null || index is null || !index.All(char.IsAsciiDigit) || !job.All(char.IsAsciiDigit)) continue;   // a not yet split range "3-9%2" is left to squeue
            var reason = Regex.Match(line, @"(?:^|\s)Reason=(.*?)\s+Dependency=") is { Success: true } m ? m.Groups[1].Value : Value(line, "Reason") ?? "None";
            int.TryParse(Value(line, "Restarts"), NumberStyles.None, CultureInfo.InvariantCulture, out var restarts);
            tasks.Add(new SlurmTaskState($"{job}_{index}", state, reason, restarts, Value(line, "ExitCode")));
        }
        return tasks;
    }

    /// <summary><c>sacct -n -P -X -o JobID,State,ExitCode,Reason</c>: "CANCELLED by 0" keeps its first word.</summary>
    public static IReadOnlyList<SlurmTaskState> ParseSacct(string text) =>
        Lines(text).Select(l => l.Split('|')).Where(p => p.Length >= 4 && IsTaskId(p[0].Trim()))
            .Select(p => new SlurmTaskState(p[0].Trim(), p[1].Trim().Split(' ')[0], p[3].Trim(), 0, p[2].Trim())).ToList();

    /// <summary>
    /// One state per task: scontrol's (state, restarts, exit code) over squeue's over sacct's; squeue's
    /// reason fills in where scontrol's is None.
    /// </summary>
    public static IReadOnlyDictionary<string, SlurmTaskState> Merge(IEnumerable<SlurmTaskState> scontrol, IEnumerable<SlurmTaskState> squeue, IEnumerable<SlurmTaskState> sacct)
    {
        var merged = new Dictionary<string, SlurmTaskState>();
        foreach (var t in sacct) merged[t.TaskId] = t;
        foreach (var t in squeue) merged[t.TaskId] = t;
        foreach (var t in scontrol)
            merged[t.TaskId] = merged.TryGetValue(t.TaskId, out var q) && t.Reason is "None" && q.Reason is not ("None" or "") && q.State == t.State ? t with { Reason = q.Reason } : t;
        return merged;
    }

    static bool IsTaskId(string id)
    {
        var cut = id.IndexOf('_');
        return cut > 0 && id[..cut].All(char.IsAsciiDigit) && id[(cut + 1)..] is { Length: > 0 } i && i.All(char.IsAsciiDigit);
    }

    static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    static string? Value(string line, string key) =>
        Regex.Match(line, $@"(?:^|\s){Regex.Escape(key)}=(\S*)") is { Success: true } m ? m.Groups[1].Value : null;
}
