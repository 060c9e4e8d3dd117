namespace ReDo.Pure.Slurm;

/// <summary>
/// How <c>redo experiment status</c> reads a run submitted to Slurm: the queue folder says whether it
/// finished (a Slurm task leaves its spec where it is), Slurm says whether its task waits, runs or failed.
/// </summary>
public static class SlurmRunView
{
    /// <summary>
    /// The run's state word: a finished or worker-held run keeps the queue's word; a waiting one is
    /// "running" while its task runs and "failed" when its task failed (the reason is Slurm's).
    /// </summary>
    public static string State(string queueState, SlurmTaskState? slurm) => (queueState, slurm) switch
    {
        ("pending", { State: "RUNNING" or "COMPLETING" or "CONFIGURING" or "SIGNALING" or "STAGE_OUT" }) => "running",
        ("pending", { Failed: true }) => "failed",
        _ => queueState,
    };

    /// <summary>
    /// The Slurm part of a status line: "slurm 12_3: requeued 1×, pending (BeginTime)"; for a task that
    /// ended without finishing its run (stopped, cancelled) how to go on.
    /// </summary>
    public static string Detail(string queueState, string? taskId, SlurmTaskState? slurm) => (taskId, slurm) switch
    {
        (null, _) => "",
        (_, null) when queueState == "done" => $"slurm {taskId}",
        (_, null) => $"slurm {taskId}: no longer known to Slurm; submit again to continue it",
        (_, { State: "COMPLETED" }) when queueState != "done" => $"slurm {taskId}: ended before the run finished (stopped); submit again to continue it",
        _ => $"slurm {taskId}: {slurm!.Describe()}",
    };

    /// <summary>The last line of a task's log in which redo names a problem ("redo: …", "redo run-spec: …"); null when there is none.</summary>
    public static string? LastProblem(string log) =>
        log.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("redo: ", StringComparison.Ordinal) || l.StartsWith("redo run-spec: ", StringComparison.Ordinal));
}
