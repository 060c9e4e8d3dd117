using ReDo.Pure.Slurm;
using Xunit;

namespace ReDo.Properties.Examples.Slurm;

/// <summary>What squeue, scontrol and sacct print (captured from Slurm 22.05 on the test cluster) read as task states.</summary>
public class SlurmStatesExamples
{
    const string Squeue = "8_2|PENDING|JobArrayTaskLimit\n8_0|RUNNING|None\n 8_1|PENDING|BeginTime\nslurm_load_jobs error: Invalid job id specified\n";

    // scontrol show job -o 8: three tasks (cut to the fields before Dependency and a few after), one requeued and pending, one failed.
    const string Scontrol =
        "JobId=9 ArrayJobId=8 ArrayTaskId=0 ArrayTaskThrottle=2 JobName=redo-tiny UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) JobState=RUNNING Reason=None Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0 RunTime=00:00:06\n" +
        "JobId=10 ArrayJobId=8 ArrayTaskId=1 ArrayTaskThrottle=2 JobName=redo-tiny UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) JobState=PENDING Reason=BeginTime Dependency=(null) Requeue=1 Restarts=2 BatchFlag=1 Reboot=0 ExitCode=0:0 RunTime=00:00:00\n" +
        "JobId=11 ArrayJobId=8 ArrayTaskId=3 ArrayTaskThrottle=2 JobName=redo-tiny UserId=root(0) GroupId=root(0) MCS_label=N/A Priority=4294901759 Nice=0 Account=(null) QOS=(null) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=1:0 RunTime=00:00:09\n" +
        "JobId=8 ArrayJobId=8 ArrayTaskId=2-4%2 ArrayTaskThrottle=2 JobName=redo-tiny JobState=PENDING Reason=JobArrayTaskLimit Dependency=(null) Requeue=1 Restarts=0 ExitCode=0:0\n";

    const string Sacct = "8_4|CANCELLED by 0|0:15|None\n8_5|OUT_OF_MEMORY|0:125|None\n8_6|COMPLETED|0:0|None\n";

    [Fact]
    public void Squeue_lines_become_tasks_and_its_errors_are_skipped()
    {
        var tasks = SlurmStates.ParseSqueue(Squeue);
        Assert.Equal(["8_2", "8_0", "8_1"], tasks.Select(t => t.TaskId));
        Assert.Equal(("PENDING", "JobArrayTaskLimit"), (tasks[0].State, tasks[0].Reason));
        Assert.True(tasks.All(t => t.Active));
    }

    [Fact]
    public void Scontrol_gives_restarts_and_exit_codes_and_leaves_unsplit_ranges_to_squeue()
    {
        var tasks = SlurmStates.ParseScontrol(Scontrol);
        Assert.Equal(["8_0", "8_1", "8_3"], tasks.Select(t => t.TaskId));
        Assert.Equal(new SlurmTaskState("8_1", "PENDING", "BeginTime", 2, "0:0"), tasks[1]);
        Assert.Equal("requeued 2×, pending (BeginTime)", tasks[1].Describe());
        Assert.True(tasks[2].Failed);
        Assert.False(tasks[2].Active);
        Assert.Equal("failed: exit 1, NonZeroExitCode", tasks[2].Describe());
        Assert.Equal("running", tasks[0].Describe());
    }

    [Fact]
    public void Sacct_keeps_the_first_word_of_a_state_and_names_signals()
    {
        var tasks = SlurmStates.ParseSacct(Sacct);
        Assert.Equal(["CANCELLED", "OUT_OF_MEMORY", "COMPLETED"], tasks.Select(t => t.State));
        Assert.Equal("cancelled: exit signal 15", tasks[0].Describe());
        Assert.Equal("out of memory: exit signal 125", tasks[1].Describe());
        Assert.Empty(SlurmStates.ParseSacct("Slurm accounting storage is disabled\n"));
    }

    [Fact]
    public void Scontrol_wins_over_squeue_over_sacct_and_squeue_fills_in_a_missing_reason()
    {
        var merged = SlurmStates.Merge(SlurmStates.ParseScontrol(Scontrol), SlurmStates.ParseSqueue(Squeue), SlurmStates.ParseSacct(Sacct + "8_1|FAILED|1:0|None\n"));
        Assert.Equal(["8_0", "8_1", "8_2", "8_3", "8_4", "8_5", "8_6"], merged.Keys.Order());
        Assert.Equal(2, merged["8_1"].Restarts);                      // scontrol's, not sacct's old FAILED
        Assert.Equal("PENDING", merged["8_1"].State);
        Assert.Equal("JobArrayTaskLimit", merged["8_2"].Reason);      // squeue only
        var squeueReason = SlurmStates.Merge([new("8_0", "PENDING", "None", 1, "0:0")], [new("8_0", "PENDING", "Priority", 0, null)], []);
        Assert.Equal(new SlurmTaskState("8_0", "PENDING", "Priority", 1, "0:0"), squeueReason["8_0"]);
    }

    [Fact]
    public void A_run_is_running_while_its_task_runs_and_failed_when_it_failed_unless_it_finished()
    {
        var running = new SlurmTaskState("8_0", "RUNNING", "None", 0, "0:0");
        var failed = new SlurmTaskState("8_0", "FAILED", "NonZeroExitCode", 0, "1:0");
        var completed = new SlurmTaskState("8_0", "COMPLETED", "None", 1, "0:0");
        Assert.Equal("running", SlurmRunView.State("pending", running));
        Assert.Equal("failed", SlurmRunView.State("pending", failed));
        Assert.Equal("done", SlurmRunView.State("done", failed));       // a later task finished it
        Assert.Equal("pending", SlurmRunView.State("pending", null));
        Assert.Equal("slurm 8_0: requeued 1×, completed", SlurmRunView.Detail("done", "8_0", completed));
        Assert.Equal("slurm 8_0: ended before the run finished (stopped); submit again to continue it", SlurmRunView.Detail("pending", "8_0", completed));
        Assert.Equal("slurm 8_0: no longer known to Slurm; submit again to continue it", SlurmRunView.Detail("pending", "8_0", null));
        Assert.Equal("", SlurmRunView.Detail("pending", null, null));
        Assert.Equal("redo: the loss became NaN at gradient step 513",
            SlurmRunView.LastProblem("task 8_0\nredo: first\nframes 250\nredo: the loss became NaN at gradient step 513\nsome trailing line\n"));
    }

    [Fact]
    public void Sbatch_parsable_output_gives_the_job_id()
    {
        Assert.Equal("42", SlurmRecord.ParseJobId("42\n"));
        Assert.Equal("42", SlurmRecord.ParseJobId("42;cluster-a\n"));
        Assert.Null(SlurmRecord.ParseJobId("sbatch: error: Batch job submission failed\n"));
        Assert.Null(SlurmRecord.ParseJobId(""));
    }
}
