using System.CommandLine;
using ReDo.Pure;
using ReDo.MinAtar;
using ReDo.Pure.Control;
using ReDo.Shell.Config;
using ReDo.Pure.Slurm;
using ReDo.Pure.Collections;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo experiment list [--experiments folder]</c>, <c>redo experiment plan &lt;name&gt; [--size quick|full] --queue &lt;dir&gt; [--shards n] [--set Section:Key=value …]</c>,
/// <c>redo experiment submit &lt;dir&gt; --slurm [--partition p] [--account a] [--time t] [--cpus-per-task n] [--mem m] [--max-running n] [--sbatch line]… [--dry-run]</c>,
/// <c>redo experiment status &lt;dir&gt;</c>, <c>redo experiment random-policy [--episodes 100] [--seed 0] [--out csv] [--suite minatar|mujoco]</c>.
/// The work is in ReDo.Shell/Experiments; this only reads arguments.
/// </summary>
public sealed class ExperimentCommand(IRunFiles files) : ICliCommand
{
    public Command Definition()
    {
        var name = new Argument<string>("name") { Description = "an experiment of configs/experiments/, e.g. redo-vs-baselines" };
        var size = new Option<string>("--size") { Description = "a size the experiment file defines (quick, full …)", DefaultValueFactory = _ => "quick" };
        var queue = CliOptions.Text("--queue", "queue folder to write the run specs into", required: true);
        var shards = CliOptions.Int("--shards", "split the runs into this many shards", 1, 1, 64);
        var experiments = ExperimentsFolder();
        var sets = CliOptions.Sets();   // after the experiment's own settings, for every run
        var plan = new Command("plan", "write an experiment's run specs into a queue") { name, size, queue, shards, experiments, sets };
        plan.SetAction(r =>
        {
            var folder = ShippedFiles.Installed(files).Folder(r.GetValue(experiments)!);
            new ExperimentPlanning(Console.Out, files).Plan(ExperimentFiles.Load(files, r.GetValue(name)!, folder), r.GetValue(size)!, r.GetValue(queue)!, r.GetValue(shards), r.GetValue(sets) ?? []);
            return 0;
        });

        var listFolder = ExperimentsFolder();
        var list = new Command("list", "every experiment: the paper figure it mirrors and its cost at each size") { listFolder };
        list.SetAction(r => List(files, ShippedFiles.Installed(files).Folder(r.GetValue(listFolder)!)));

        var folder = new Argument<string>("queue") { Description = "the experiment's queue folder" };
        var status = new Command("status", "show the state of every run of an experiment (exit 1 when one failed)") { folder };
        status.SetAction(r => new ExperimentStatus(Console.Out, files).Show(r.GetValue(folder)!).Any(s => s.State == RunState.Failed) ? 1 : 0);

        var submit = SubmitCommand(folder);

        var episodes = CliOptions.Int("--episodes", "episodes per game", 100, 1, 100_000);
        var seed = new Option<uint>("--seed") { Description = "first episode seed" };
        var output = CliOptions.Text("--out", "write the scores as CSV");
        var suite = CliOptions.Choice("--suite", "minatar: the five MinAtar games; mujoco: the paper's four MuJoCo tasks (needs libmujoco2.2.2)", "minatar", "minatar", "mujoco");
        var random = new Command("random-policy", "mean return of the uniform random policy on every game") { episodes, seed, output, suite };
        random.SetAction(r => RandomPolicy(files, r.GetValue(episodes), r.GetValue(seed), r.GetValue(output), r.GetValue(suite) == "mujoco"));

        return new Command("experiment", "the paper's experiments: list, plan, submit, status, random-policy") { list, plan, submit, status, random };
    }

    /// <summary>--experiments: a folder of experiment files (the current folder's configs/experiments, else the installed one).</summary>
    static Option<string> ExperimentsFolder() =>
        new("--experiments") { Description = "folder of experiment files", DefaultValueFactory = _ => ExperimentFiles.DefaultFolder };

    public static int List(IRunFiles files, string folder)
    {
        var names = files.Files(folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new DataFileException($"no experiment files in '{folder}' (neither here nor beside the redo executable); pass --experiments <folder>.");
        foreach (var n in names)
        {
            var d = ExperimentFiles.Load(files, n, folder);
            Console.WriteLine($"{d.Name}: {d.Mirrors}");
            foreach (var (size, s) in d.Sizes) Console.WriteLine($"  {size,-6} {s.Cost}");
        }
        Console.WriteLine($"plan one with: redo experiment plan <name> --size quick --queue <folder>   ({names.Count} experiments in {folder})");
        return 0;
    }

    Command SubmitCommand(Argument<string> folder)
    {
        var slurm = CliOptions.Flag("--slurm", "submit to Slurm as one sbatch array job (the scheduler this command supports)");
        var partition = CliOptions.Text("--partition", "Slurm partition (sbatch --partition)");
        var account = CliOptions.Text("--account", "Slurm account to charge (sbatch --account)");
        var time = new Option<string>("--time") { Description = "time limit of one task (minutes, HH:MM:SS or D-HH:MM:SS); a longer run is checkpointed and requeued", DefaultValueFactory = _ => "24:00:00" };
        var cpus = CliOptions.Int("--cpus-per-task", "CPUs of one task (a run uses Run:Threads of them)", 1, 1, 1024);
        var memory = CliOptions.Text("--mem", "memory of one task, e.g. 4G (sbatch --mem)");
        var maxRunning = CliOptions.Optional<int>("--max-running", "at most this many tasks at once (the array's %N)", 1, 100_000);
        var extra = new Option<string[]>("--sbatch") { Description = "an extra sbatch option for the script, e.g. --sbatch \"--qos=long\" (repeatable)", AllowMultipleArgumentsPerToken = false };
        var warn = CliOptions.Int("--warn-seconds", "seconds before the time limit at which a task checkpoints and requeues itself", 120, 1, 65_535);
        var redo = CliOptions.Text("--redo", "how the nodes start redo (default: this redo, e.g. \"/usr/bin/dotnet /opt/redo/redo.dll\"; or \"redo\" for the dotnet tool on PATH)");
        var dryRun = CliOptions.Flag("--dry-run", "print the script; write and submit nothing");
        var submit = new Command("submit", "submit an experiment's unfinished runs to a cluster: one array task per run spec (redo run-spec), requeued before the time limit")
            { folder, slurm, partition, account, time, cpus, memory, maxRunning, extra, warn, redo, dryRun };
        submit.SetAction(r =>
        {
            if (!r.GetValue(slurm)) throw new CliError("name the scheduler: redo experiment submit <queue> --slurm (Slurm is the one supported).");
            var options = new SlurmOptions(r.GetValue(partition), r.GetValue(account), r.GetValue(time)!, r.GetValue(cpus), r.GetValue(memory),
                r.GetValue(maxRunning), ValueList<string>.From(r.GetValue(extra) ?? []), r.GetValue(warn));
            if (options.Problems() is { Count: > 0 } problems) throw new CliError(string.Join("; ", problems) + ".");
            var command = r.GetValue(redo)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            new SlurmSubmitting(Console.Out, files).Submit(r.GetValue(folder)!, options, command, r.GetValue(dryRun), DateTime.UtcNow);
            return 0;
        });
        return submit;
    }

    /// <summary>The paper's MuJoCo tasks (App. B: HalfCheetah, Hopper, Walker2d, Ant), the ones the shipped table anchors.</summary>
    public static readonly ControlTask[] PaperTasks = [ControlTasks.HalfCheetah, ControlTasks.Hopper, ControlTasks.Walker2d, ControlTasks.Ant];

    public static int RandomPolicy(IRunFiles files, int episodes, uint seed, string? outPath, bool mujoco = false)
    {
        var scores = mujoco ? PaperTasks.Select(t => RandomPolicyBaseline.Measure(t, episodes, seed)).ToList()
                            : GameInfo.All.Select(g => RandomPolicyBaseline.Measure(g.Id, episodes, seed)).ToList();
        foreach (var s in scores) Console.WriteLine($"{s.Game,-15} {s.MeanReturn,8:F3} ± {s.StandardError:F3} (standard error, {s.Episodes} episodes)");
        if (outPath is not null)
        {
            files.WriteText(outPath, RandomPolicyBaseline.ToCsv(scores, seed));
            Console.WriteLine($"wrote {outPath}");
        }
        return 0;
    }
}
