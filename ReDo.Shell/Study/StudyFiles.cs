using System.Text.Json;
using ReDo.Pure;
using ReDo.Pure.Study;
using ReDo.Shell.Files;

namespace ReDo.Shell.Study;

/// <summary>A study folder's <c>study.json</c> (<see cref="StudyDefinition"/>): its presence makes <c>redo report</c> report a study.</summary>
public static class StudyFiles
{
    public const string StudyFile = "study.json";

    static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static bool IsStudy(IRunFiles files, string folder) => files.Exists(Path.Combine(folder, StudyFile));

    public static StudyDefinition Load(IRunFiles files, string folder)
    {
        var path = Path.Combine(folder, StudyFile);
        StudyDefinition? d;
        try { d = JsonSerializer.Deserialize<StudyDefinition>(files.ReadAllText(path), Json); }
        catch (JsonException e) { throw new DataFileException($"study file '{path}' is not valid JSON for a study ({e.Message}); see docs/results/dormancy-study/study.json for the fields."); }
        if (d is null) throw new DataFileException($"study file '{path}' is empty; see docs/results/dormancy-study/study.json for the fields.");
        d = d with { Title = string.IsNullOrWhiteSpace(d.Title) ? d.Name : d.Title, ScreeningExclude = d.ScreeningExclude ?? "" };
        if (d.Problems() is { Count: > 0 } problems) throw new DataFileException($"study file '{path}': {string.Join("; ", problems)}.");
        foreach (var part in d.Parts)
            if (!files.Exists(ExperimentFilesPath(folder, part)))
                throw new DataFileException($"study file '{path}' names the part '{part}', but {Path.Combine(folder, part)} holds no experiment/plan.json; ship the experiment there first (tools/ship-results.sh <queue> {Path.Combine(folder, part)}).");
        return d;
    }

    static string ExperimentFilesPath(string folder, string part) => Experiments.ExperimentFiles.ManifestPath(Path.Combine(folder, part));
}
