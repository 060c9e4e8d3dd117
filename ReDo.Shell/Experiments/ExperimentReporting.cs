using ReDo.Pure;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Shell.Config;
using ReDo.Shell.Files;
using ReDo.Shell.Plotting;

namespace ReDo.Shell.Experiments;

/// <summary>
/// Where the normalisation anchors come from: for MinAtar the random-policy table and the digitized
/// published curves (reference: the MinAtar paper's DQN at 5 M frames); for the MuJoCo tasks the
/// MuJoCo random-policy table and the published SAC references (docs/experiments.md).
/// </summary>
public sealed record AnchorFiles(
    string RandomPolicy = AnchorFiles.DefaultRandomPolicy,
    string Published = AnchorFiles.DefaultPublished,
    string RandomPolicyMuJoCo = AnchorFiles.DefaultRandomPolicyMuJoCo,
    string SacReference = AnchorFiles.DefaultSacReference)
{
    public const string DefaultRandomPolicy = "configs/experiments/random-policy.csv";
    public const string DefaultPublished = "ReDo.Golden/data/published/minatar-learning-curves.csv";
    public const string DefaultRandomPolicyMuJoCo = "configs/experiments/random-policy-mujoco.csv";
    public const string DefaultSacReference = "configs/experiments/sac-reference.csv";

    /// <summary>The four files in the repository <paramref name="root"/>.</summary>
    public static AnchorFiles In(string root) => new(Path.Combine(root, DefaultRandomPolicy), Path.Combine(root, DefaultPublished),
                                                     Path.Combine(root, DefaultRandomPolicyMuJoCo), Path.Combine(root, DefaultSacReference));

    /// <summary>Each path as <see cref="ShippedFiles.File"/> finds it: the current folder's copy, else the installed one.</summary>
    public AnchorFiles Resolved(ShippedFiles shipped) =>
        new(shipped.File(RandomPolicy), shipped.File(Published), shipped.File(RandomPolicyMuJoCo), shipped.File(SacReference));

    public PublishedCurves LoadPublished(IRunFiles files)
    {
        if (!files.Exists(Published)) throw new DataFileException($"published curves '{Published}' do not exist (neither here nor beside the redo executable); pass --published <csv>.");
        try { return PublishedCurves.Parse(files.ReadAllText(Published), Published); }
        catch (FormatException e) { throw new DataFileException(e.Message); }
    }

    public IReadOnlyDictionary<string, ReferenceScore> LoadSacReference(IRunFiles files)
    {
        if (!files.Exists(SacReference)) throw new DataFileException($"SAC reference table '{SacReference}' does not exist (neither here nor beside the redo executable); pass --sac-reference <csv>.");
        try { return ReferenceScores.Parse(files.ReadAllText(SacReference), SacReference); }
        catch (FormatException e) { throw new DataFileException(e.Message); }
    }

    /// <summary>
    /// Every game with both anchors. The MuJoCo tables are read only when <paramref name="games"/> names
    /// a game the MinAtar tables do not anchor, so a MinAtar report never depends on them.
    /// </summary>
    public IReadOnlyDictionary<string, GameNormalizer> Load(IRunFiles files, IEnumerable<string>? games = null)
    {
        var random = RandomPolicyBaseline.ReadMeans(files, RandomPolicy);
        var published = LoadPublished(files);
        var anchors = random.Where(kv => double.IsFinite(published.Reference(kv.Key)))
                            .ToDictionary(kv => kv.Key, kv => new GameNormalizer(kv.Key, kv.Value, published.Reference(kv.Key)));
        if (games is null || games.All(anchors.ContainsKey)) return anchors;
        var controlRandom = RandomPolicyBaseline.ReadMeans(files, RandomPolicyMuJoCo);
        foreach (var (game, reference) in LoadSacReference(files))
            if (controlRandom.TryGetValue(game, out var r))
                anchors[game] = new GameNormalizer(game, r, reference.Return, $"{reference.Source.Split(':')[0]} ({Path.GetFileName(SacReference)})");   // the file name only: a report made from another folder reads the same
        return anchors;
    }
}

/// <summary>
/// <c>redo report &lt;queue&gt;</c>: reads whatever the experiment's runs have logged, computes the statistics
/// (finished runs only) and curves (all runs so far), and writes <see cref="ReportFile"/> with PNG and SVG figures.
/// A shipped folder may hold <see cref="FindingsFile"/>, the reader's summary of what its runs show,
/// written by a person after reading them; the report opens with it, so the folder still makes its
/// report again.
/// </summary>
public sealed class ExperimentReporting(TextWriter output, IRunFiles files)
{
    public const string FindingsFile = "findings.md";
    /// <summary>The report this command writes into its output folder.</summary>
    public const string ReportFile = "report.md";

    public ExperimentResults Write(string queue, string outFolder, AnchorFiles anchorFiles, BootstrapSettings bootstrap)
    {
        var manifest = ExperimentFiles.LoadManifest(files, queue);
        var (d, plan) = (manifest.Definition, manifest.Plan);
        var games = plan.Runs.Select(r => r.Game).Distinct().ToList();
        var anchors = anchorFiles.Load(files, games);
        var missing = games.Where(g => !anchors.ContainsKey(g)).ToList();
        if (missing.Count > 0) throw new DataFileException($"no normalisation anchors for {string.Join(", ", missing)}: MinAtar games need a row in {anchorFiles.RandomPolicy} (redo experiment random-policy) and a DQN curve in {anchorFiles.Published}; MuJoCo tasks a row in {anchorFiles.RandomPolicyMuJoCo} (redo experiment random-policy --suite mujoco) and one in {anchorFiles.SacReference}.");

        var runs = RunStates.Of(files, queue, plan).Select(Result).ToList();
        var results = ExperimentResults.Compute(d, plan, runs, anchors, bootstrap);

        files.CreateDirectory(outFolder);
        var figures = new List<(string, string)>();
        var order = plan.Series.Select(s => s.Label).ToList();
        foreach (var (game, bands) in results.ReturnCurves.Where(kv => kv.Value.Count > 0))
            figures.Add((FigureTitles.Returns(game, bands), ReportFigures.Curves(files, bands, order, $"{game}: {ScoreMeasure.AxisLabel(d.ScoreColumn)}", ScoreMeasure.AxisLabel(d.ScoreColumn), Path.Combine(outFolder, $"return-{game}"))));
        foreach (var (game, bands) in results.DormantCurves.Where(kv => kv.Value.Count > 0))
            figures.Add((FigureTitles.Dormant(game, bands, results.DormancyTau), ReportFigures.Curves(files, bands, order, $"{game}: dormant neurons", FigureTitles.DormantAxis(results.DormancyTau), Path.Combine(outFolder, $"dormant-{game}"))));
        var withScores = results.Series.Where(s => s.Aggregates.Count > 0).ToList();
        if (withScores.Count > 0)
        {
            figures.Add((FigureTitles.Iqm(withScores), ReportFigures.Bars(files, withScores.Select(s => (s.Series.Label, s.Aggregates[Aggregate.Iqm])).ToList(), order, $"{d.Name}: IQM", "IQM normalised score", Path.Combine(outFolder, "iqm"))));
            figures.Add((FigureTitles.Profiles(withScores), ReportFigures.Profiles(files, withScores.Select(s => (s.Series.Label, s.Profile)).ToList(), order, Path.Combine(outFolder, "profile"))));
        }
        var reportPath = Path.Combine(outFolder, ReportFile);
        files.WriteTextAtomically(reportPath, ReportMarkdown.Write(results, figures, Findings(queue)));
        output.WriteLine($"{reportPath}: {runs.Count(r => r.Finished)} of {runs.Count} runs finished{(results.Partial ? " (partial results)" : "")}, {figures.Count} figure(s) as PNG and SVG");
        foreach (var line in ReportMarkdown.Verdicts(results)) output.WriteLine($"  {line}");
        return results;
    }

    /// <summary>The folder's <see cref="FindingsFile"/>, the reader's summary a report opens with; null when it has none.</summary>
    public string? Findings(string folder)
    {
        var path = Path.Combine(folder, FindingsFile);
        return files.Exists(path) ? files.ReadAllText(path) : null;
    }

    /// <summary>
    /// What a report reads from a run's config.json: the recycling τ its dormancy column was logged at
    /// (Redo:Tau) and its replay ratio. NaN for both before the run has written the file.
    /// </summary>
    (double Tau, double ReplayRatio) RunSettings(string runFolder)
    {
        if (!files.Exists(Path.Combine(runFolder, RunLayout.Config))) return (double.NaN, double.NaN);
        try
        {
            var config = ConfigLoader.FromRunFolder(runFolder, files);
            return (config.Redo.Tau, config.Agent.ReplayRatio);
        }
        catch (ConfigException e) { throw new RunFolderException($"{e.Message.TrimEnd('.')}; the run folder {runFolder} looks damaged."); }
    }

    RunResult Result(RunStatus status)
    {
        var (tau, ratio) = RunSettings(status.RunFolder);
        return new RunResult(status.Run, status.State.ToString().ToLowerInvariant(), status.State == RunState.Done, ReadCurves(status.RunFolder, tau), ratio);
    }

    RunCurves? ReadCurves(string runFolder, double tau)
    {
        var path = Path.Combine(runFolder, RunLayout.Metrics);
        if (!files.Exists(path)) return null;
        try
        {
            var csv = CsvColumns.Parse(files.ReadAllText(path), path);
            return csv.RowCount == 0 ? null : RunCurves.From(csv, tau);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException)
        {
            throw new RunFolderException($"{e.Message}; the run folder {runFolder} looks damaged (resume it with redo resume, or remove it to exclude it).");
        }
    }
}
