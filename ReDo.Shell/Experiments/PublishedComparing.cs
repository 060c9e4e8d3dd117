using ReDo.Pure;
using System.Globalization;
using System.Text.Json;
using ReDo.Pure.Config;
using ReDo.Pure.Reports;
using ReDo.Pure.Statistics;
using ReDo.Shell.Config;
using ReDo.Shell.Files;

namespace ReDo.Shell.Experiments;

/// <summary>
/// <c>redo compare published &lt;run folders…&gt;</c>: our DQN's return_last100 (mean over the runs of each
/// game, with its 95 % interval) against the digitized MinAtar paper DQN at 0.5 / 1 / 2 / 3 / 5 M frames,
/// inside or outside each game's stated band (ReDo.Golden/data/published/bands.csv).
/// </summary>
public sealed class PublishedComparing(TextWriter output, IRunFiles files)
{
    public const string DefaultBands = "ReDo.Golden/data/published/bands.csv";

    /// <returns>The comparisons; the caller exits non-zero when any is outside.</returns>
    public IReadOnlyList<CheckpointComparison> Compare(IReadOnlyList<string> runFolders, string publishedPath, string bandsPath, BootstrapSettings bootstrap)
    {
        if (runFolders.Count == 0) throw new RunFolderException("name at least one run folder (or a folder of run folders, e.g. a queue's runs/).");
        var folders = runFolders.SelectMany(Expand).Distinct().ToList();
        if (folders.Count == 0) throw new RunFolderException($"no run folder (with config.json and metrics.csv) in {string.Join(", ", runFolders)}.");
        var byGame = folders.Select(f => (Game: GameOf(f), Curves: Curves(f))).GroupBy(x => x.Game)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(long[], double[])>)g.Select(x => x.Curves).ToList());
        var published = new AnchorFiles(Published: publishedPath).LoadPublished(files);
        var rows = PublishedComparison.Compare(byGame, published, ReadBands(files, bandsPath), bootstrap);

        // The paper's curve is of its DQN: a run with ReDo, Reset, Adam, another replay ratio … is not, and is named.
        var others = folders.Select(f => (Folder: f, Differences: PaperDqn.Differences(ConfigLoader.FromRunFolder(f, files)))).Where(x => x.Differences.Count > 0).ToList();
        foreach (var (folder, differences) in others)
            output.WriteLine($"warning: {folder} is not the paper's DQN ({string.Join(", ", differences)}); it is averaged into 'ours' all the same.");
        if (others.Count > 0)
            output.WriteLine($"warning: {others.Count} of {folders.Count} run(s) differ from the paper's DQN; for its comparison name only runs of the plain DQN configs (configs/minatar-<game>-dqn.json, no --set of agent keys).");
        output.WriteLine($"{(others.Count > 0 ? "our runs (not all the paper's DQN)" : "our DQN")} (return of the last 100 episodes, mean over runs [bootstrap interval: a 95 % CI only over ≥ {IntervalName.MinRuns} runs, marked *]) vs the MinAtar paper's DQN (digitized, 30 seeds); {folders.Count} run folder(s)");
        output.WriteLine($"{"game",-15} {"M frames",8} {"runs",4}  {"ours",-26} {"paper",7}  {"band",-17} verdict");
        foreach (var r in rows)
        {
            var ours = r.Ours is { } e ? $"{N(e.Point)} [{N(e.Lower)}, {N(e.Upper)}]{(IntervalName.IsConfidenceInterval(r.Runs) ? "*" : "")}" : "not reached";
            var verdict = r.Inside switch { true => "inside", false => "OUTSIDE", null => double.IsNaN(r.Published) ? "no published value (gap in the digitized curve)" : "—" };
            output.WriteLine($"{r.Game,-15} {r.FramesMillions,8:0.0} {r.Runs,4}  {ours,-26} {N(r.Published),7}  {(double.IsNaN(r.BandLower) ? "—" : $"[{N(r.BandLower)}, {N(r.BandUpper)}]"),-17} {verdict}");
        }
        int outside = rows.Count(r => r.Inside == false), inside = rows.Count(r => r.Inside == true);
        output.WriteLine($"{inside} inside, {outside} outside, {rows.Count - inside - outside} not compared.");
        return rows;
    }

    /// <summary>A run folder itself, or every run folder directly inside a folder of runs.</summary>
    IEnumerable<string> Expand(string path)
    {
        if (!files.DirectoryExists(path)) throw new RunFolderException($"'{path}' is not a folder; name run folders (each with config.json and metrics.csv).");
        if (files.Exists(Path.Combine(path, RunLayout.Config))) return [path];
        return files.Directories(path).Select(name => Path.Combine(path, name)).Where(d => files.Exists(Path.Combine(d, RunLayout.Config))).Order(StringComparer.Ordinal);
    }

    string GameOf(string folder)
    {
        try
        {
            using var doc = JsonDocument.Parse(files.ReadAllText(Path.Combine(folder, RunLayout.Config)));
            return doc.RootElement.GetProperty("Run").GetProperty("Game").GetString() ?? throw new RunFolderException($"{folder}/config.json names no Run:Game.");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new RunFolderException($"{folder}/config.json is not a run's config ({e.Message}).");
        }
    }


    (long[], double[]) Curves(string folder)
    {
        var path = Path.Combine(folder, RunLayout.Metrics);
        if (!files.Exists(path)) throw new RunFolderException($"{folder} has no metrics.csv; has the run started?");
        try
        {
            var c = RunCurves.From(CsvColumns.Parse(files.ReadAllText(path), path));
            return (c.Frames, c.ReturnLast100);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException) { throw new RunFolderException(e.Message); }
    }

    public static IReadOnlyDictionary<string, PublishedBand> ReadBands(IRunFiles files, string path)
    {
        if (!files.Exists(path)) throw new DataFileException($"band file '{path}' does not exist (neither here nor beside the redo executable); pass --bands <csv>.");
        var bands = new Dictionary<string, PublishedBand>(StringComparer.Ordinal);
        var lines = files.ReadAllLines(path);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',', 5);
            double D(int k) => double.TryParse(f[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new DataFileException($"{path}, line {i + 1}: field {k + 1} '{f[k]}' is not a number");
            if (f.Length < 4) throw new DataFileException($"{path}, line {i + 1}: expected game,below,above,absolute,why");
            bands[f[0]] = new PublishedBand(f[0], D(1), D(2), D(3));
        }
        return bands;
    }

    static string N(double v) => double.IsNaN(v) ? "—" : v.ToString("0.00", CultureInfo.InvariantCulture);
}
