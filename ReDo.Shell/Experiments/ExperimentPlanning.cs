using ReDo.Pure;
using System.Text.Json;
using ReDo.Pure.Experiments;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;

namespace ReDo.Shell.Experiments;

/// <summary>
/// <c>redo experiment plan</c>: expands an experiment at one size into run specs (the sweep's format)
/// in a queue folder (or one per shard), after validating every spec, and leaves the manifest that
/// <c>status</c> and <c>report</c> read. Planning again into the same folder adds nothing already there.
/// </summary>
public sealed class ExperimentPlanning(TextWriter output, IRunFiles files)
{
    /// <param name="sets">--set overrides for every run, after all of the experiment's own (a small variant: fewer frames, a smaller replay ratio …); the plan's runs list them</param>
    public ExperimentPlan Plan(ExperimentDefinition definition, string size, string queue, int shards, IReadOnlyList<string>? sets = null)
    {
        ExperimentPlan plan;
        try { plan = ExperimentPlanner.Plan(definition, size, shards, sets); }
        catch (ArgumentException e) { throw new ConfigException(e.Message); }

        if (files.Exists(ExperimentFiles.ManifestPath(queue)))
        {
            var old = ExperimentFiles.LoadManifest(files, queue).Plan;
            if (old.Experiment != plan.Experiment || old.Size != plan.Size || old.Shards != plan.Shards)
                throw new RunFolderException($"'{queue}' already holds experiment {old.Experiment} at size {old.Size} ({old.Shards} shard(s)); use another --queue folder.");
            if (!old.Runs.Select(r => (r.Name, string.Join('\n', r.Overrides))).SequenceEqual(plan.Runs.Select(r => (r.Name, string.Join('\n', r.Overrides)))))
                throw new RunFolderException($"'{queue}' already holds experiment {old.Experiment} planned with other settings (--set or an edited experiment file); use another --queue folder.");
        }
        var baseConfig = ShippedFiles.Installed(files).File(definition.BaseConfig);
        if (!files.Exists(baseConfig))
            throw new DataFileException($"base config '{definition.BaseConfig}' of experiment {definition.Name} does not exist (neither here nor beside the redo executable); fix BaseConfig.");
        JsonElement config;
        try { config = JsonDocument.Parse(files.ReadAllText(baseConfig)).RootElement.Clone(); }
        catch (JsonException e) { throw new DataFileException($"base config '{definition.BaseConfig}' is not valid JSON: {e.Message}"); }

        // Every spec valid before any is written; each shows its run's real settings.
        var specs = plan.Runs.Select(r => (Run: r, Spec: RunSpecFiles.Settled(new RunSpec(r.Name, definition.BaseConfig, config, [.. r.Overrides], r.Seed)))).ToList();

        ExperimentFiles.WriteManifest(files, queue, new ExperimentManifest(definition, plan));
        int written = 0;
        foreach (var (run, spec) in specs)
        {
            var folder = new QueueFolders(ExperimentFiles.ShardFolder(queue, plan, run.Shard), files);
            if (folder.Holds(spec.Name)) continue;
            RunSpecFiles.Write(spec, folder.Root, files);
            written++;
        }
        var chosen = definition.Sizes[plan.Size];
        var seedCount = plan.Runs.Select(r => r.Seed).Distinct().Count();
        var product = plan.Series.Length * chosen.Games.Length * seedCount == plan.Runs.Length ? "" : " (some series on some games only)";
        output.WriteLine($"experiment {plan.Experiment} ({definition.Mirrors}), size {plan.Size}: {plan.Series.Length} series × {chosen.Games.Length} game(s) × {seedCount} seed(s){product} = {plan.Runs.Length} runs of {plan.Frames:N0} frames");
        output.WriteLine($"{written} run spec(s) written to {queue} ({plan.Runs.Length - written} already there). Expected cost: {chosen.Cost}");
        if (plan.Shards == 1) output.WriteLine($"run them with: redo worker --queue {queue} --exit-when-empty");
        else for (int k = 0; k < plan.Shards; k++) output.WriteLine($"run shard {k} with: redo worker --queue {ExperimentFiles.ShardFolder(queue, plan, k)} --exit-when-empty");
        output.WriteLine($"then: redo experiment status {queue}   and   redo report {queue}");
        return plan;
    }
}
