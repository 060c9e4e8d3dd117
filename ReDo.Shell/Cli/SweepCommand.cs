using System.Text.Json;
using ReDo.Pure.Runs;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo sweep &lt;config.json&gt; --seeds 1-5 [--set-grid Section:Key=v1,v2 …] [--set K=V …] [--queue folder]</c>:
/// writes one self-contained run spec per grid point and seed into a queue folder.
/// </summary>
public sealed class SweepCommand : ICommand
{
    public string Name => "sweep";
    public string Summary => "write the run specs of grids × seeds into a queue: sweep <config.json> --seeds 1-5 [--set-grid K=v1,v2 …] [--set K=V …] [--queue folder]";

    public int Run(IReadOnlyList<string> argv)
    {
        var (configPath, sets, rest) = TrainCommand.SplitSets(argv);
        var (grids, others) = SplitGrids(rest);
        var a = new Args(others);
        var seedsText = a.String("seeds") ?? throw new CliError("name the seeds, e.g. --seeds 1-5 or --seeds 1,3,7.");
        var queue = new QueueFolders(a.String("queue", "queue"));
        a.RejectUnknown();
        if (configPath is null) throw new CliError("name a config file, e.g. redo sweep configs/minatar-breakout-dqn.json --seeds 1-5.");
        if (!File.Exists(configPath)) throw new CliError($"config file '{configPath}' does not exist; pass one of configs/*.json or your own copy.");
        var (seeds, seedProblem) = SeedRange.Parse(seedsText);
        if (seeds is null) throw new CliError($"--seeds: {seedProblem}.");
        var axes = grids.Select(g => GridAxis.Parse(g) is var (axis, problem) && axis is not null ? axis : throw new CliError(problem!)).ToList();

        JsonElement config;
        try { config = JsonDocument.Parse(File.ReadAllText(configPath)).RootElement.Clone(); }
        catch (JsonException e) { throw new CliError($"config file '{configPath}' is not valid JSON: {e.Message}"); }
        var specs = SweepPlan.Expand(Path.GetFileNameWithoutExtension(configPath), sets, axes, seeds)
            .Select(r => new RunSpec(r.Name, configPath, config, r.Overrides, r.Seed)).ToList();
        foreach (var spec in specs) RunSpecFiles.Resolve(spec);   // every spec valid before any is written

        int written = 0;
        foreach (var spec in specs)
        {
            if (queue.Holds(spec.Name)) { Console.WriteLine($"already queued: {spec.Name}"); continue; }
            Console.WriteLine($"queued {RunSpecFiles.Write(spec, queue.Root)}");
            written++;
        }
        int points = axes.Aggregate(1, (n, axis) => n * axis.Values.Count);
        Console.WriteLine($"{written} run spec(s) written to {queue.Root} ({points} grid point(s) × {seeds.Count} seed(s); {specs.Count - written} already there).");
        Console.WriteLine($"run them with: redo worker --queue {queue.Root}   or one per job: redo run-spec {queue.Root}/<name>.json");
        return 0;
    }

    /// <summary>Takes every "--set-grid K=v1,v2" (it may repeat) out of the arguments.</summary>
    static (List<string> Grids, List<string> Others) SplitGrids(IReadOnlyList<string> argv)
    {
        var grids = new List<string>();
        var others = new List<string>();
        for (int i = 0; i < argv.Count; i++)
        {
            if (argv[i] != "--set-grid") { others.Add(argv[i]); continue; }
            if (i + 1 >= argv.Count) throw new CliError("--set-grid needs Section:Key=v1,v2,… after it.");
            grids.Add(argv[++i]);
        }
        return (grids, others);
    }
}
