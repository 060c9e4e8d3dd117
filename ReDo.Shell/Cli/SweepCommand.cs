using System.CommandLine;
using System.Text.Json;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Cli;

/// <summary>
/// <c>redo sweep &lt;config.json&gt; --seeds 1-5 [--set-grid Section:Key=v1,v2 …] [--set K=V …] [--queue folder]</c>:
/// writes one self-contained run spec per grid point and seed into a queue folder.
/// </summary>
public sealed class SweepCommand(IRunFiles files) : ICliCommand
{
    public sealed record Parameters(string ConfigPath, string Seeds, IReadOnlyList<string> Grids, IReadOnlyList<string> Sets, string Queue);

    public Command Definition()
    {
        var config = new Argument<string>("config") { Description = "the sweep's base configuration: a file, or the name of a shipped one (redo config list)" };
        var seeds = CliOptions.Text("--seeds", "seeds, e.g. 1-5 or 1,3,7", required: true);
        var grids = CliOptions.Repeated("--set-grid", "a grid axis, e.g. Agent:ReplayRatio=0.25,0.5,1,2 (repeatable)");
        var sets = CliOptions.Sets();
        var queue = new Option<string>("--queue") { Description = "queue folder to write the specs into", DefaultValueFactory = _ => "queue" };
        var command = new Command("sweep", "write the run specs of grids × seeds into a queue folder") { config, seeds, grids, sets, queue };
        command.SetAction(r => Run(new Parameters(r.GetValue(config)!, r.GetValue(seeds)!, r.GetValue(grids)!, r.GetValue(sets)!, r.GetValue(queue)!)));
        return command;
    }

    public int Run(Parameters p)
    {
        var (configPath, seedsText, grids, sets, queueFolder) = p;
        configPath = ShippedFiles.Installed(files).Config(configPath);
        var queue = new QueueFolders(queueFolder, files);
        if (!files.Exists(configPath)) throw new CliError($"config file '{configPath}' does not exist; pass a config file or the name of a shipped one (redo config list).");
        var (seeds, seedProblem) = SeedRange.Parse(seedsText);
        if (seeds is null) throw new CliError($"--seeds: {seedProblem}.");
        var axes = grids.Select(g => GridAxis.Parse(g) is var (axis, problem) && axis is not null ? axis : throw new CliError(problem!)).ToList();

        JsonElement config;
        try { config = JsonDocument.Parse(files.ReadAllText(configPath)).RootElement.Clone(); }
        catch (JsonException e) { throw new CliError($"config file '{configPath}' is not valid JSON: {e.Message}"); }
        var specs = SweepPlan.Expand(Path.GetFileNameWithoutExtension(configPath), sets, axes, seeds)
            .Select(r => RunSpecFiles.Settled(new RunSpec(r.Name, configPath, config, r.Overrides, r.Seed))).ToList();   // every spec valid before any is written

        int written = 0;
        foreach (var spec in specs)
        {
            if (queue.Holds(spec.Name)) { Console.WriteLine($"already queued: {spec.Name}"); continue; }
            Console.WriteLine($"queued {RunSpecFiles.Write(spec, queue.Root, files)}");
            written++;
        }
        int points = axes.Aggregate(1, (n, axis) => n * axis.Values.Count);
        Console.WriteLine($"{written} run spec(s) written to {queue.Root} ({points} grid point(s) × {seeds.Count} seed(s); {specs.Count - written} already there).");
        Console.WriteLine($"run them with: redo worker --queue {queue.Root} --exit-when-empty   (without it the worker waits for more specs)   or one per job: redo run-spec {queue.Root}/<name>.json");
        return 0;
    }
}
