using ReDo.Pure;
using System.Text.Json;
using ReDo.Pure.Experiments;
using ReDo.Pure.Slurm;
using ReDo.Shell.Files;

namespace ReDo.Shell.Experiments;

/// <summary>The experiment's record in its queue folder: the definition it was planned from and the plan.</summary>
public sealed record ExperimentManifest(ExperimentDefinition Definition, ExperimentPlan Plan);

/// <summary>Experiment files (configs/experiments/&lt;name&gt;.json) and the manifest a plan leaves in its queue folder.</summary>
public static class ExperimentFiles
{
    /// <summary>In a subfolder: the worker takes every *.json at the top of a queue folder for a run spec.</summary>
    public const string ManifestName = "experiment/plan.json";
    public const string DefaultFolder = "configs/experiments";
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>An experiment by name (looked up in <paramref name="folder"/>) or by path.</summary>
    public static ExperimentDefinition Load(IRunFiles files, string nameOrPath, string folder = DefaultFolder)
    {
        var path = files.Exists(nameOrPath) ? nameOrPath : Path.Combine(folder, nameOrPath + ".json");
        if (!files.Exists(path))
        {
            IEnumerable<string?> known = files.Files(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order();
            throw new DataFileException($"no experiment '{nameOrPath}' (looked for {path}); known experiments: {string.Join(", ", known)}.");
        }
        ExperimentDefinition? d;
        try { d = JsonSerializer.Deserialize<ExperimentDefinition>(files.ReadAllText(path), Json); }
        catch (JsonException e) { throw new DataFileException($"experiment file '{path}' is not valid: {e.Message}"); }
        if (d is null) throw new DataFileException($"experiment file '{path}' is empty.");
        d = d with { Set = d.Set ?? [], Paper = d.Paper ?? [] };
        if (d.Problems() is { Count: > 0 } problems) throw new DataFileException($"experiment file '{path}': {string.Join("; ", problems)}.");
        return d;
    }

    public static string ManifestPath(string queue) => Path.Combine(queue, ManifestName);

    public static ExperimentManifest LoadManifest(IRunFiles files, string queue)
    {
        var path = ManifestPath(queue);
        if (!files.Exists(path)) throw new RunFolderException($"'{queue}' holds no {ManifestName}; plan an experiment into it first: redo experiment plan <name> --queue {queue}.");
        try { return JsonSerializer.Deserialize<ExperimentManifest>(files.ReadAllText(path), Json) ?? throw new DataFileException($"{path} is empty."); }
        catch (JsonException e) { throw new DataFileException($"{path} is not valid: {e.Message}"); }
    }

    public static void WriteManifest(IRunFiles files, string queue, ExperimentManifest manifest)
    {
        var path = ManifestPath(queue);
        files.CreateDirectory(Path.GetDirectoryName(path)!);
        files.WriteTextAtomically(path, JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>The array jobs submitted for the plan, beside it (<c>redo experiment submit --slurm</c>).</summary>
    public const string SlurmRecordName = "experiment/slurm.json";

    public static string SlurmRecordPath(string queue) => Path.Combine(queue, SlurmRecordName);

    public static SlurmRecord LoadSlurmRecord(IRunFiles files, string queue)
    {
        var path = SlurmRecordPath(queue);
        if (!files.Exists(path)) return SlurmRecord.Empty;
        try { return JsonSerializer.Deserialize<SlurmRecord>(files.ReadAllText(path), Json) ?? SlurmRecord.Empty; }
        catch (JsonException e) { throw new DataFileException($"{path} is not valid: {e.Message}; it lists the submitted Slurm jobs: repair it from squeue, or delete it to forget them."); }
    }

    public static void WriteSlurmRecord(IRunFiles files, string queue, SlurmRecord record) =>
        files.WriteTextAtomically(SlurmRecordPath(queue), JsonSerializer.Serialize(record, Json));

    /// <summary>The queue folder of a shard: the folder itself for one shard, &lt;queue&gt;/shard-&lt;k&gt; for several (one worker each).</summary>
    public static string ShardFolder(string queue, ExperimentPlan plan, int shard) =>
        plan.Shards == 1 ? queue : Path.Combine(queue, $"shard-{shard}");
}
