using ReDo.Pure.Collections;

namespace ReDo.Pure.Slurm;

/// <summary>Where a planned run stands in its queue folder, as far as submitting it is concerned.</summary>
public enum QueueStanding
{
    /// <summary>Its spec waits in the queue and its run has not finished: Slurm may take it.</summary>
    Waiting,
    /// <summary>Its run folder holds the final summary (or a worker moved the spec to done/).</summary>
    Finished,
    /// <summary>A local <c>redo worker</c> holds it (the spec is in running/).</summary>
    WorkerRunning,
    /// <summary>A worker could not run it (the spec is in failed/ with its reason).</summary>
    WorkerFailed,
    /// <summary>The spec is nowhere in the queue.</summary>
    Missing,
}

/// <summary>A planned run (its task: spec path relative to the queue), its standing and the state of the array task that last took it (null: never submitted, or Slurm no longer knows it).</summary>
public sealed record SubmitCandidate(string Task, QueueStanding Standing, SlurmTaskState? Slurm);

/// <summary>The runs to submit, in plan order (array index i runs <c>Submit[i]</c>), and why each other run is left out.</summary>
public sealed record SubmitChoice(ValueList<string> Submit, ValueList<SkippedRun> Skipped);

/// <summary>A run left out of a submission and why.</summary>
public sealed record SkippedRun(string Task, string Why);

/// <summary>
/// Which runs of an experiment go into a new array job: every waiting run that Slurm is not already
/// running or holding. Finished runs are never resubmitted, and submitting again while the first
/// array is queued or running submits nothing twice.
/// </summary>
public static class SubmitChoices
{
    public static SubmitChoice Of(IEnumerable<SubmitCandidate> runs)
    {
        var submit = new List<string>();
        var skipped = new List<SkippedRun>();
        foreach (var r in runs)
        {
            string? why = r.Standing switch
            {
                QueueStanding.Finished => "finished",
                QueueStanding.Missing => "its spec is not in the queue (deleted?); plan again to re-add it",
                QueueStanding.WorkerFailed => "a worker failed it (see failed/<name>.reason.txt); move its spec back to the queue folder to retry",
                QueueStanding.WorkerRunning => "a local redo worker is running it (running/)",
                _ when r.Slurm is { Active: true } s => $"Slurm has it as {s.TaskId} ({s.Describe()})",
                _ => null,
            };
            if (why is null) submit.Add(r.Task);
            else skipped.Add(new SkippedRun(r.Task, why));
        }
        return new SubmitChoice(ValueList<string>.From(submit), ValueList<SkippedRun>.From(skipped));
    }
}
