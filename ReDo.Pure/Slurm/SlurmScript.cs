using System.Text;
using ReDo.Pure.Collections;

namespace ReDo.Pure.Slurm;

/// <summary>
/// Everything the array script needs: the experiment (for its name and header), the queue folder as
/// the nodes see it, the command that starts redo there, the tasks (spec paths relative to the queue,
/// without ".json": "name" or "shard-1/name"; array index i runs <c>Tasks[i]</c>), the options, and the file a
/// finished run holds (a task warned of its time limit requeues itself unless its run has that file).
/// </summary>
public sealed record SlurmScriptInput(string Experiment, string Size, string Queue, ValueList<string> Redo, ValueList<string> Tasks, SlurmOptions Options,
    string FinishedFile);

/// <summary>
/// The sbatch array script of an experiment: one task per run spec, each running <c>redo run-spec</c>
/// (which resumes from the run's last checkpoint), requeueable, warned before its time limit so it
/// checkpoints and requeues itself, and retrying a run folder still held by its previous instance.
/// Plain bash a cluster user can read and adapt.
/// </summary>
public static class SlurmScript
{
    /// <summary>Where the tasks' output goes, relative to the queue (%A the array job, %a the task).</summary>
    public const string LogFolder = "slurm/logs";

    /// <summary>How often and how long a task waits for a run folder another redo still writes (exit code 2).</summary>
    public const int LockAttempts = 10, LockWaitSeconds = 30;

    /// <summary>The array's range: "0-(n-1)", with "%N" when at most N tasks may run at once.</summary>
    public static string ArrayRange(int tasks, int? maxRunning) =>
        tasks < 1 ? throw new ArgumentException("an array needs at least one task")
        : $"0-{tasks - 1}" + (maxRunning is { } n ? $"%{n}" : "");

    /// <summary>A word for bash: single-quoted, a quote inside written '\''.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";

    public static string Write(SlurmScriptInput s)
    {
        var o = s.Options;
        if (o.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems));
        if (s.Redo.Count == 0) throw new ArgumentException("the command that starts redo on the nodes is empty");
        var b = new StringBuilder();
        void Line(string text = "") => b.Append(text).Append('\n');

        Line("#!/bin/bash");
        Line($"# ReDo.NET experiment {s.Experiment}, size {s.Size}: {s.Tasks.Count} run spec(s) of {s.Queue}, one array task each.");
        Line("# Written by `redo experiment submit`; run that again to resubmit what is unfinished (it skips finished and queued runs),");
        Line("# or adapt the #SBATCH lines and submit this file with sbatch yourself.");
        Line($"#SBATCH --job-name=redo-{s.Experiment}");
        Line($"#SBATCH --array={ArrayRange(s.Tasks.Count, o.MaxRunning)}");
        if (o.Partition is not null) Line($"#SBATCH --partition={o.Partition}");
        if (o.Account is not null) Line($"#SBATCH --account={o.Account}");
        Line($"#SBATCH --time={o.Time}");
        Line("#SBATCH --ntasks=1");
        Line($"#SBATCH --cpus-per-task={o.CpusPerTask}");
        if (o.Memory is not null) Line($"#SBATCH --mem={o.Memory}");
        Line("#SBATCH --requeue");
        Line($"#SBATCH --signal=B:USR1@{o.WarnSeconds}");
        Line($"#SBATCH --chdir={s.Queue}");
        Line($"#SBATCH --output={s.Queue}/{LogFolder}/%A_%a.out");
        Line("#SBATCH --open-mode=append");
        foreach (var extra in o.ExtraLines) Line(SlurmOptions.SbatchLine(extra));
        Line();
        Line($"queue={Quote(s.Queue)}");
        Line("# How a node starts redo: the dotnet tool (redo), a self-contained publish, or dotnet redo.dll, on a path every node sees.");
        Line($"redo=({string.Join(' ', s.Redo.Select(Quote))})");
        Line("# Array index i runs tasks[i]: a run spec of the queue (shard folder/name), its run folder runs/<name> beside it.");
        Line("tasks=(");
        for (int i = 0; i < s.Tasks.Count; i++) Line($"  {Quote(s.Tasks[i])}   # {i}");
        Line(")");
        Line("task=${tasks[$SLURM_ARRAY_TASK_ID]}");
        Line("case \"$task\" in */*) dir=\"$queue/${task%/*}\" name=${task##*/} ;; *) dir=$queue name=$task ;; esac");
        Line("run=\"$dir/runs/$name\"");
        Line();
        Line($"# USR1 comes {o.WarnSeconds} s before the time limit (--signal): stop redo, which checkpoints, then requeue this task;");
        Line("# the requeued task resumes exactly. SIGTERM (pre-emption, scancel, scontrol requeue) reaches redo itself: the shell");
        Line("# passes it on and waits for the checkpoint instead of ending first.");
        Line("warned=0 stopping=0 pid=");
        Line("trap 'warned=1 stopping=1; [ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null' USR1");
        Line("trap 'stopping=1; [ -n \"$pid\" ] && kill -TERM \"$pid\" 2>/dev/null' TERM");
        Line("echo \"$(date -u +%FT%TZ) task ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} (job $SLURM_JOB_ID, restart ${SLURM_RESTART_COUNT:-0}) on $(hostname): $name\"");
        Line($"for attempt in $(seq 1 {LockAttempts}); do");
        Line("  \"${redo[@]}\" run-spec \"$dir/$name.json\" --out \"$run\" &");
        Line("  pid=$!");
        Line("  while :; do");
        Line("    wait \"$pid\"; status=$?");
        Line("    [ \"$status\" -lt 128 ] && break           # redo ended with its own exit code");
        Line("    kill -0 \"$pid\" 2>/dev/null || break     # ended by a signal; otherwise a trap interrupted wait");
        Line("  done");
        Line("  # 2: redo refused, e.g. the run folder is still written by this task's previous instance (requeues can overlap).");
        Line($"  [ \"$status\" -eq 2 ] && [ \"$stopping\" -eq 0 ] && [ \"$attempt\" -lt {LockAttempts} ] || break");
        Line($"  echo \"redo exited with 2; trying again in {LockWaitSeconds} s (attempt $attempt of {LockAttempts})\"");
        Line($"  sleep {LockWaitSeconds} & wait $!");
        Line("done");
        Line($"if [ \"$warned\" -eq 1 ] && [ ! -e \"$run/{s.FinishedFile}\" ]; then");
        Line("  echo \"$(date -u +%FT%TZ) time limit near: checkpointed; requeueing ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"");
        Line("  scontrol requeue \"$SLURM_JOB_ID\"");
        Line("  exit 0");
        Line("fi");
        Line("exit \"$status\"");
        return b.ToString();
    }
}
