using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Slurm;
using Xunit;

namespace ReDo.Properties.Laws.Slurm;

/// <summary>Which runs a submission takes, and which array task ran which spec (docs/long-runs.md, "On a cluster").</summary>
public class SlurmSubmitLaws
{
    static readonly string[] States = ["PENDING", "RUNNING", "REQUEUED", "COMPLETING", "SUSPENDED", "COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED"];

    static readonly Gen<SlurmTaskState?> Task =
        Gen.Frequency((1, Gen.Constant<SlurmTaskState?>(null)),
            (3, Gen.Elements(States).Zip(Gen.Choose(0, 3)).Select(t => (SlurmTaskState?)new SlurmTaskState("7_0", t.Item1, "None", t.Item2, "0:0"))));

    /// <summary>0–30 planned runs with distinct names, each with a standing and maybe a Slurm task.</summary>
    static readonly Gen<SubmitCandidate[]> Candidates =
        Gen.Elements(Enum.GetValues<QueueStanding>()).Zip(Task).ListOf().Where(l => l.Count <= 30)
            .Select(l => l.Select((c, i) => new SubmitCandidate($"run{i}", c.Item1, c.Item2)).ToArray());

    static bool Takeable(SubmitCandidate c) => c.Standing == QueueStanding.Waiting && c.Slurm is not { Active: true };

    [Law(Runs = 1000)]
    public Property A_submission_takes_exactly_the_waiting_runs_slurm_does_not_hold_in_plan_order() =>
        Prop.ForAll(Candidates.ToArbitrary(), runs =>
        {
            var choice = SubmitChoices.Of(runs);
            Assert.Equal(runs.Where(Takeable).Select(r => r.Task), choice.Submit);
            Assert.Equal(runs.Where(r => !Takeable(r)).Select(r => r.Task), choice.Skipped.Select(s => s.Task));
            Assert.DoesNotContain(runs.Where(r => r.Standing == QueueStanding.Finished).Select(r => r.Task), choice.Submit.Contains);
        });

    /// <summary>Submitting again once the first array is queued (every submitted task pending) submits nothing: nothing runs twice.</summary>
    [Law(Runs = 1000)]
    public Property Submitting_twice_submits_nothing_the_second_time() =>
        Prop.ForAll(Candidates.ToArbitrary(), Gen.Elements("PENDING", "RUNNING", "REQUEUED").ToArbitrary(), (runs, state) =>
        {
            var first = SubmitChoices.Of(runs);
            var record = SlurmRecord.Empty.With(new SlurmSubmission("7", "t", "s", first.Submit));
            var after = runs.Select(r => first.Submit.Contains(r.Task)
                ? r with { Slurm = new SlurmTaskState(record.LatestTaskOf(r.Task)!, state, "None", 0, null) } : r);
            Assert.Empty(SubmitChoices.Of(after).Submit);
        });

    /// <summary>Index i of a submission is its Tasks[i]; a spec in several submissions belongs to the newest.</summary>
    [Law(Runs = 1000)]
    public Property Array_indices_map_to_their_specs_and_a_spec_to_its_newest_task() =>
        Prop.ForAll(Gen.Elements("a", "b", "c", "d", "e").ListOf().Select(l => l.Distinct().ToArray()).ListOf().Where(s => s.Count <= 6).ToArbitrary(), submissions =>
        {
            var record = submissions.Select((tasks, k) => new SlurmSubmission($"{100 + k}", "t", "s", [.. tasks])).Aggregate(SlurmRecord.Empty, (r, s) => r.With(s));
            for (int k = 0; k < submissions.Count; k++)
                for (int i = 0; i < submissions[k].Length; i++)
                    Assert.Equal(submissions[k][i], record.TaskOf(SlurmRecord.TaskId($"{100 + k}", i)));
            foreach (var task in new[] { "a", "b", "c", "d", "e" })
            {
                int newest = submissions.FindLastIndex(s => s.Contains(task));
                Assert.Equal(newest < 0 ? null : SlurmRecord.TaskId($"{100 + newest}", Array.IndexOf(submissions[newest], task)), record.LatestTaskOf(task));
            }
            Assert.Null(record.TaskOf($"{100 + submissions.Count}_0"));
        });

    [Law(Runs = 1000)]
    public Property Time_limits_in_every_format_count_the_same_seconds() =>
        Prop.ForAll(Gen.Choose(0, 30).Zip(Gen.Choose(0, 23)).Zip(Gen.Choose(0, 59).Zip(Gen.Choose(0, 59))).ToArbitrary(), t =>
        {
            var ((d, h), (m, s)) = t;
            Assert.Equal(d * 86_400L + h * 3600 + m * 60 + s, SlurmOptions.Seconds($"{d}-{h:00}:{m:00}:{s:00}"));
            Assert.Equal(h * 3600L + m * 60 + s, SlurmOptions.Seconds($"{h}:{m:00}:{s:00}"));
            Assert.Equal((h * 60L + m) * 60, SlurmOptions.Seconds($"{h * 60 + m}"));
        });
}
