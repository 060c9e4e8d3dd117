using ReDo.MinAtar;
using ReDo.Shell.Experiments;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo experiment plan &lt;name&gt; [--size quick|full] --queue &lt;dir&gt; [--shards n]</c>,
/// <c>redo experiment status &lt;dir&gt;</c>, <c>redo experiment random-policy [--episodes 100] [--seed 0] [--out csv]</c>.
/// The work is in ReDo.Shell/Experiments; this only reads arguments.
/// </summary>
public sealed class ExperimentCommand : ICommand
{
    public string Name => "experiment";
    public string Summary => "the paper's experiments: experiment plan <name> [--size quick|full] --queue <dir> [--shards n] | status <dir> | random-policy [--episodes 100] [--out csv]";

    public int Run(IReadOnlyList<string> argv)
    {
        if (argv.Count == 0) throw new CliError($"name a sub-command: plan, status or random-policy. {Summary}");
        var a = new Args(argv.Skip(1).ToList());
        switch (argv[0])
        {
            case "plan":
            {
                var size = a.String("size", "quick");   // quick or full in the shipped files; the planner names the sizes a file has
                var queue = a.String("queue") ?? throw new CliError("name the queue folder: --queue <dir>.");
                var shards = a.Int("shards", 1, 1, 64);
                var folder = a.String("experiments", ExperimentFiles.DefaultFolder);
                a.RejectUnknown("redo experiment plan <name> [--size quick|full] --queue <dir> [--shards n]");
                if (a.Positional.Count != 1) throw new CliError("name one experiment, e.g. redo experiment plan redo-vs-baselines --queue queue/rvb.");
                new ExperimentPlanning(Console.Out).Plan(ExperimentFiles.Load(a.Positional[0], folder), size, queue, shards);
                return 0;
            }
            case "status":
            {
                a.RejectUnknown("redo experiment status <dir>");
                if (a.Positional.Count != 1) throw new CliError("name the experiment's queue folder: redo experiment status <dir>.");
                var states = new ExperimentStatus(Console.Out).Show(a.Positional[0]);
                return states.Any(s => s.State == RunState.Failed) ? 1 : 0;
            }
            case "random-policy":
            {
                var episodes = a.Int("episodes", 100, 1, 100_000);
                var seed = a.UInt("seed", 0);
                var outPath = a.String("out");
                a.RejectUnknown("redo experiment random-policy [--episodes 100] [--seed 0] [--out csv]");
                var scores = GameInfo.All.Select(g => RandomPolicyBaseline.Measure(g.Id, episodes, seed)).ToList();
                foreach (var s in scores) Console.WriteLine($"{s.Game,-15} {s.MeanReturn,8:F3} ± {s.StandardError:F3} (standard error, {s.Episodes} episodes)");
                if (outPath is not null)
                {
                    File.WriteAllText(outPath, RandomPolicyBaseline.ToCsv(scores, seed));
                    Console.WriteLine($"wrote {outPath}");
                }
                return 0;
            }
            default:
                throw new CliError($"unknown sub-command '{argv[0]}'; use plan, status or random-policy.");
        }
    }
}
