using ReDo.Pure.Collections;

namespace ReDo.Pure.Slurm;

/// <summary>
/// One sbatch array job of an experiment, recorded with its plan: the job id sbatch printed, when
/// (UTC, ISO 8601, from the shell's clock), the script file (relative to the queue) and the task list:
/// array index i ran <c>Tasks[i]</c> (a spec path relative to the queue, without ".json").
/// </summary>
public sealed record SlurmSubmission(string JobId, string Submitted, string Script, ValueList<string> Tasks);

/// <summary>The experiment's submissions, oldest first (&lt;queue&gt;/experiment/slurm.json).</summary>
public sealed record SlurmRecord(ValueList<SlurmSubmission> Submissions)
{
    public static readonly SlurmRecord Empty = new([]);

    public SlurmRecord With(SlurmSubmission s) => new([.. Submissions, s]);

    /// <summary>
    /// The array task that last took a spec: the newest submission that lists it, as "job_index"
    /// (squeue's and scontrol's name for an array task); null when no submission has it.
    /// </summary>
    public string? LatestTaskOf(string task)
    {
        for (int k = Submissions.Count - 1; k >= 0; k--)
        {
            int i = Submissions[k].Tasks.ToList().IndexOf(task);
            if (i >= 0) return TaskId(Submissions[k].JobId, i);
        }
        return null;
    }

    /// <summary>The job ids to ask Slurm about, oldest first.</summary>
    public IEnumerable<string> JobIds => Submissions.Select(s => s.JobId).Distinct();

    public static string TaskId(string jobId, int index) => $"{jobId}_{index}";

    /// <summary>The spec an array task runs (the inverse of <see cref="TaskId"/> over the record); null for a task no submission has.</summary>
    public string? TaskOf(string taskId)
    {
        var cut = taskId.LastIndexOf('_');
        if (cut <= 0 || !int.TryParse(taskId.AsSpan(cut + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)) return null;
        var job = taskId[..cut];
        var s = Submissions.LastOrDefault(x => x.JobId == job);
        return s is not null && index < s.Tasks.Count ? s.Tasks[index] : null;
    }

    /// <summary>sbatch --parsable prints "jobid" or "jobid;cluster"; the job id, or null for anything else.</summary>
    public static string? ParseJobId(string sbatchOutput)
    {
        var line = sbatchOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var id = line?.Split(';')[0];
        return id is { Length: > 0 } && id.All(char.IsAsciiDigit) ? id : null;
    }
}
