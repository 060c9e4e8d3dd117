using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Shell.Files;
using ReDo.Shell.Metrics;
using ReDo.Shell.Plotting;

namespace ReDo.Shell.Analyses;

/// <summary>What <c>redo analyze overlap</c> found: the rows and the files written.</summary>
public sealed record PersistenceResult(IReadOnlyList<PersistenceRow> Rows, string Csv, string Plot);

/// <summary>Paper Fig. 5 over a finished (or running) run: reads dormancy-log.txt, writes overlap.csv and overlap.png into <c>outFolder</c>.</summary>
public static class PersistenceAnalysis
{
    public static PersistenceResult Run(IRunFiles files, string runFolder, MaskThreshold threshold, long? referenceStep, string outFolder)
    {
        var log = DormancyLog.Load(files, runFolder);
        if (log.Count == 0) throw new RunFolderException($"{Path.Combine(runFolder, RunLayout.DormancyLog)} has no logging step yet.");
        IReadOnlyList<PersistenceRow> rows;
        try { rows = DormantPersistence.Series(log.Select(e => e.Masks).ToList(), threshold, referenceStep); }
        catch (ArgumentException e) { throw new ConfigException($"--reference: {e.Message}"); }
        files.CreateDirectory(outFolder);
        var csv = Path.Combine(outFolder, "overlap.csv");
        files.WriteText(csv, AnalysisCharts.PersistenceCsv(rows));
        var plot = ChartFigures.Save(files, AnalysisCharts.Persistence(MetricsFile.RunName(runFolder), rows, threshold), Path.Combine(outFolder, "overlap.png"));
        return new PersistenceResult(rows, csv, plot);
    }
}

/// <summary>Paper Table 7 over runs (e.g. ReDo on and off): the ranks logged in their dormancy-log.txt, as rank.csv and rank.png.</summary>
public static class RankAnalysis
{
    public static (string Csv, string Plot, IReadOnlyList<(string Run, DormancyLogEntry Last)> Final) Run(IRunFiles files, IReadOnlyList<string> runFolders, string outFolder)
    {
        var runs = runFolders.Select(f => (Run: MetricsFile.RunName(f), Log: DormancyLog.Load(files, f))).ToList();
        files.CreateDirectory(outFolder);
        var csv = Path.Combine(outFolder, "rank.csv");
        files.WriteText(csv, AnalysisCharts.RanksCsv(runs));
        var plot = ChartFigures.Save(files, AnalysisCharts.Ranks(runs), Path.Combine(outFolder, "rank.png"));
        return (csv, plot, runs.Where(r => r.Log.Count > 0).Select(r => (r.Run, r.Log[^1])).ToList());
    }
}
