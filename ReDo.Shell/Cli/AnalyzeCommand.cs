using System.CommandLine;
using ReDo.Pure.Analyses;
using ReDo.Shell.Analyses;
using ReDo.Shell.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo analyze overlap &lt;run&gt;</c> (paper Fig. 5) and <c>redo analyze rank &lt;runs…&gt;</c> (Table 7),
/// over the dormancy-log.txt of runs. Output goes to &lt;run&gt;/analysis unless --out names a folder.
/// </summary>
public sealed class AnalyzeCommand(IRunFiles files) : ICliCommand
{
    public sealed record OverlapParameters(string Run, MaskThreshold Threshold, long? ReferenceStep, string? Out);

    public Command Definition()
    {
        var run = new Argument<string>("run") { Description = "a run folder `redo train` wrote with dormancy logging" };
        var tau = CliOptions.Choice("--tau", "which mask: dormant at τ, or exactly zero (τ = 0)", "tau", "zero", "tau");
        var reference = CliOptions.Optional<long>("--reference", "the schedule step the masks are compared with (dormancy-log.txt's second column: the count Redo:LogPeriod follows, warm-up included; default: the first logged step after step 0)", 0, long.MaxValue);
        var overlapOut = CliOptions.Text("--out", "output folder (default <run>/analysis)");
        var overlap = new Command("overlap", "overlap of the dormant sets between logging steps (paper Fig. 5): writes overlap.csv and overlap.png") { run, tau, reference, overlapOut };
        overlap.SetAction(r => Overlap(new OverlapParameters(r.GetValue(run)!, r.GetValue(tau) == "zero" ? MaskThreshold.Zero : MaskThreshold.Tau,
            r.GetValue(reference), r.GetValue(overlapOut))));

        var runs = new Argument<string[]>("runs") { Description = "run folders `redo train` wrote with dormancy logging", Arity = ArgumentArity.OneOrMore };
        var rankOut = CliOptions.Text("--out", "output folder (default <first run>/analysis)");
        var rank = new Command("rank", "srank and effective rank of the penultimate features per logging step (paper Table 7): writes rank.csv and rank.png") { runs, rankOut };
        rank.SetAction(r => Rank(r.GetValue(runs)!, r.GetValue(rankOut)));

        return new Command("analyze", "paper §3 analyses of runs: overlap (Fig. 5), prune (Fig. 6), fit-targets (Fig. 8), offline (Fig. 4), rank (Table 7); rise (the dormancy study's H1)")
            { overlap, rank, PruneCommand(), FitTargetsCommand(), OfflineCommand(), RiseCommand() };
    }

    public sealed record PruneParameters(string Run, IReadOnlyList<double>? Taus, int Episodes, int Probe, int Seed, long? Checkpoint, string? Out);
    public sealed record FitTargetsParameters(string Teacher, long? TeacherCheckpoint, string Student, long? StudentCheckpoint, long Steps, long LogEvery,
        double? Tau, int Probe, int Seed, string? Out);
    public sealed record OfflineParameters(string Run, long? Checkpoint, long Steps, long LogEvery, double? Tau, int Probe, int Seed, string? Out);

    static Option<long?> CheckpointOption(string name = "--checkpoint", string? what = null) =>
        CliOptions.Optional<long>(name, what ?? "the checkpoint to read, by its frame count (ckpt-<frames>; default: the newest)", 0, long.MaxValue);
    static Option<int> ProbeOption() => CliOptions.Int("--probe", "states from the replay buffer on which neurons are scored", 256, 1, 100_000);
    static Option<int> SeedOption() => CliOptions.Int("--seed", "seed of the probe batch, the batches and fresh networks", 0, 0);
    static Option<long> StepsOption() => CliOptions.Long("--steps", "gradient steps per condition", 50_000, 1);
    static Option<long> LogEveryOption() => CliOptions.Long("--log-every", "gradient steps between dormancy measurements", 1_000, 1);
    static Option<double?> TauOption() => CliOptions.Optional<double>("--tau", "τ of the dormant % (τ = 0 is always reported too; default: the run's Redo:Tau)", 0, 10);

    Command RiseCommand()
    {
        var queues = new Argument<string[]>("queues") { Description = "experiment queue folders (redo experiment plan wrote them)", Arity = ArgumentArity.OneOrMore };
        var threshold = CliOptions.Double("--threshold", "rise in percentage points that counts as dormancy rising (H1)", 10, 0, 100);
        var exclude = CliOptions.Text("--exclude", "series whose id contains this text are never picked (e.g. _redo: the study's ReDo runs)");
        var command = new Command("rise", "how far each run's τ-dormant share ended above its running minimum, ranked, and the two configurations the dormancy study's rule picks")
            { queues, threshold, exclude };
        command.SetAction(r => DormancyRiseTable.Write(files, r.GetValue(queues)!, r.GetValue(threshold), r.GetValue(exclude) ?? "", Console.Out));
        return command;
    }

    Command PruneCommand()
    {
        var run = new Argument<string>("run") { Description = "a run folder with checkpoints (networks and replay buffer)" };
        var taus = new Option<double[]>("--tau")
        {
            Description = "τ values to prune at (repeatable; default: 0, 0.025, 0.1 and the run's Redo:Tau)",
            AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore,
        };
        taus.Validators.Add(r =>
        {
            foreach (var t in CliOptions.Read<double[]>(r, out var read) ? read ?? [] : [])
                if (!(t >= 0 && t <= 10)) r.AddError(Pure.Config.ConfigSchema.Refusal("--tau", t.ToString(System.Globalization.CultureInfo.InvariantCulture), "0 … 10") + ".");
        });
        var episodes = CliOptions.Int("--episodes", "greedy episodes per network (the same seeds for the full and the pruned network)", 30, 1, 100_000);
        var (probe, seed, checkpoint) = (ProbeOption(), SeedOption(), CheckpointOption());
        var output = CliOptions.Text("--out", "output folder (default <run>/analysis)");
        var command = new Command("prune", "prune τ-dormant neurons of a trained network, greedy returns with and without (paper Fig. 6): writes prune.csv, prune-episodes.csv, prune.png, prune-fraction.png")
            { run, taus, episodes, probe, seed, checkpoint, output };
        command.SetAction(r => Prune(new PruneParameters(r.GetValue(run)!, r.GetValue(taus) is { Length: > 0 } t ? t : null, r.GetValue(episodes),
            r.GetValue(probe), r.GetValue(seed), r.GetValue(checkpoint), r.GetValue(output))));
        return command;
    }

    Command FitTargetsCommand()
    {
        var teacher = CliOptions.Text("--teacher", "the run whose trained network gives the targets and whose replay gives the states", required: true);
        var teacherCheckpoint = CheckpointOption("--teacher-checkpoint", "the teacher's checkpoint by frame count (default: the newest)");
        var student = CliOptions.Text("--student", "the run the pretrained start is taken from (the paper: a high-replay-ratio run)", required: true);
        var studentCheckpoint = CheckpointOption("--student-checkpoint", "the student's checkpoint by frame count (default: the kept one nearest to half the run)");
        var (steps, logEvery, tau, probe, seed) = (StepsOption(), LogEveryOption(), TauOption(), ProbeOption(), SeedOption());
        var output = CliOptions.Text("--out", "output folder (default <teacher>/analysis)");
        var command = new Command("fit-targets", "regress a trained network's Q values from a pretrained and a fresh network, loss and dormant % (paper Fig. 8): writes fit-targets.csv and two plots")
            { teacher, teacherCheckpoint, student, studentCheckpoint, steps, logEvery, tau, probe, seed, output };
        command.SetAction(r => FitTargets(new FitTargetsParameters(r.GetValue(teacher)!, r.GetValue(teacherCheckpoint), r.GetValue(student)!, r.GetValue(studentCheckpoint),
            r.GetValue(steps), r.GetValue(logEvery), r.GetValue(tau), r.GetValue(probe), r.GetValue(seed), r.GetValue(output))));
        return command;
    }

    Command OfflineCommand()
    {
        var run = new Argument<string>("run") { Description = "a run folder whose checkpoint holds the replay buffer (the fixed dataset)" };
        var (checkpoint, steps, logEvery, tau, probe, seed) = (CheckpointOption(), StepsOption(), LogEveryOption(), TauOption(), ProbeOption(), SeedOption());
        var output = CliOptions.Text("--out", "output folder (default <run>/analysis)");
        var command = new Command("offline", "train fresh networks offline on a run's replay with TD targets vs fixed random targets, dormant % (paper Fig. 4): writes offline.csv and two plots")
            { run, checkpoint, steps, logEvery, tau, probe, seed, output };
        command.SetAction(r => Offline(new OfflineParameters(r.GetValue(run)!, r.GetValue(checkpoint), r.GetValue(steps), r.GetValue(logEvery),
            r.GetValue(tau), r.GetValue(probe), r.GetValue(seed), r.GetValue(output))));
        return command;
    }

    public int Prune(PruneParameters p)
    {
        IReadOnlyList<double> taus = p.Taus ?? [0, 0.025, 0.1, ConfigLoader.FromRunFolder(p.Run, ResilientRunFiles.OnDisk()).Redo.Tau];
        var result = PruneAnalysis.Run(files, p.Run, taus, p.Episodes, p.Probe, (uint)p.Seed, p.Checkpoint, p.Out ?? Path.Combine(p.Run, "analysis"), Console.Out);
        Console.WriteLine($"wrote {string.Join(", ", result.Files)}");
        return 0;
    }

    public int FitTargets(FitTargetsParameters p)
    {
        var result = TargetFitting.Run(files, p.Teacher, p.TeacherCheckpoint, p.Student, p.StudentCheckpoint, p.Steps, p.LogEvery, p.Tau, p.Probe, (uint)p.Seed,
            p.Out ?? Path.Combine(p.Teacher, "analysis"), Console.Out);
        foreach (var condition in new[] { TargetFitting.Pretrained, TargetFitting.Fresh })
            Console.WriteLine(Ends(result.Points, condition, result.Tau));
        Console.WriteLine($"wrote {string.Join(", ", result.Files)}");
        return 0;
    }

    public int Offline(OfflineParameters p)
    {
        var result = OfflineTargets.Run(files, p.Run, p.Checkpoint, p.Steps, p.LogEvery, p.Tau, p.Probe, (uint)p.Seed, p.Out ?? Path.Combine(p.Run, "analysis"), Console.Out);
        foreach (var condition in new[] { OfflineTargets.TdTargets, OfflineTargets.RandomTargets })
            Console.WriteLine(Ends(result.Points, condition, result.Tau));
        Console.WriteLine($"wrote {string.Join(", ", result.Files)}");
        return 0;
    }

    static string Ends(IReadOnlyList<RegressionPoint> points, string condition, double tau)
    {
        var (first, last) = (points.First(x => x.Condition == condition), points.Last(x => x.Condition == condition));
        return FormattableString.Invariant(
            $"{condition}: dormant(τ={tau}) {first.DormantAtTau:P1} → {last.DormantAtTau:P1}, dormant(τ=0) {first.DormantAtZero:P1} → {last.DormantAtZero:P1}, loss over the last interval {last.Loss:0.0000}");
    }

    public int Overlap(OverlapParameters p)
    {
        var result = PersistenceAnalysis.Run(files, p.Run, p.Threshold, p.ReferenceStep, p.Out ?? Path.Combine(p.Run, "analysis"));
        var last = result.Rows[^1].Overall;
        Console.WriteLine($"{result.Rows.Count} logging steps; at schedule step {result.Rows[^1].GradientStep:N0}: {last.Dormant} dormant, " +
                          $"overlap with the previous step {last.VsPrevious:P1}, with the reference step {last.VsReference:P1}");
        Console.WriteLine($"wrote {result.Csv} and {result.Plot}");
        return 0;
    }

    public int Rank(IReadOnlyList<string> runs, string? output)
    {
        if (runs.Count == 0) throw new CliError("name at least one run folder.");
        var (csv, plot, final) = RankAnalysis.Run(files, runs, output ?? Path.Combine(runs[0], "analysis"));
        foreach (var (run, last) in final)
            Console.WriteLine($"{run}: at schedule step {last.Masks.GradientStep:N0} srank(δ=0.01) {last.SRank}, entropy effective rank {last.EffectiveRank:0.0}");
        Console.WriteLine($"wrote {csv} and {plot}");
        return 0;
    }
}
