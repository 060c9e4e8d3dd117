using ReDo.Pure;
using System.Text.Json;
using ReDo.Pure.Config;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Runs;

/// <summary>Run specs on disk: read (every problem named), resolve to a validated config, write atomically.</summary>
public static class RunSpecFiles
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static RunSpec Load(string path, IRunFiles files)
    {
        if (!files.Exists(path)) throw new DataFileException($"run spec '{path}' does not exist; `redo sweep` writes specs into a queue folder.");
        RunSpec? spec;
        try { spec = JsonSerializer.Deserialize<RunSpec>(files.ReadAllText(path), Json); }
        catch (JsonException e) { throw new DataFileException($"run spec '{path}' is not valid: {e.Message}"); }
        if (spec is null || spec.Name is null || spec.Config.ValueKind != JsonValueKind.Object)
            throw new DataFileException($"run spec '{path}' must hold Name, ConfigSource, Config (the config's JSON object), Overrides and Seed.");
        if (!RunSpec.IsSafeName(spec.Name))
            throw new DataFileException($"run spec '{path}': Name '{spec.Name}' must be letters, digits, '.', '_', '-' or '=' (it names the run folder).");
        return spec with { Overrides = spec.Overrides ?? [] };
    }

    /// <summary>The spec's configuration: its JSON, the overrides, then the seed; validated like `redo train`.</summary>
    public static ExperimentConfig Resolve(RunSpec spec) =>
        ConfigLoader.LoadJson(spec.Config.GetRawText(), spec.AllOverrides, $"run spec {spec.Name} (from {spec.ConfigSource})");

    /// <summary>
    /// The spec with its Config block settled: the base config with the overrides and seed applied, so
    /// the file shows the run's real settings (not the base's frames, seed and switches). The overrides
    /// stay listed; applying them again changes nothing. Validates like <see cref="Resolve"/>.
    /// </summary>
    public static RunSpec Settled(RunSpec spec) => spec with { Config = ConfigLoader.ToJsonElement(Resolve(spec)) };

    /// <summary>
    /// Writes &lt;folder&gt;/&lt;name&gt;.json via a temporary name, so a worker never picks up half a spec;
    /// a spec already there is never replaced (callers skip names the queue holds).
    /// </summary>
    public static string Write(RunSpec spec, string folder, IRunFiles files)
    {
        files.CreateDirectory(folder);
        var path = Path.Combine(folder, spec.Name + RunSpec.Extension);
        if (files.Exists(path)) throw new DataFileException($"run spec '{path}' already exists; a queue holds each run once (move it away to queue it again).");
        files.WriteTextAtomically(path, JsonSerializer.Serialize(spec, Json));
        return path;
    }
}
