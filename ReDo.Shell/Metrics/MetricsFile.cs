using ReDo.Pure;
using ReDo.Pure.Metrics;
using ReDo.Shell.Files;

namespace ReDo.Shell.Metrics;

/// <summary>Reads a run folder's metrics.csv; every problem becomes a <see cref="RunFolderException"/> or <see cref="DataFileException"/> naming the folder or file (and line).</summary>
public static class MetricsFile
{
    public static MetricsTable Load(IRunFiles files, string runFolder)
    {
        if (!files.DirectoryExists(runFolder))
            throw new RunFolderException($"run folder '{runFolder}' does not exist; pass the folder a training run wrote.");
        var path = Path.Combine(runFolder, RunLayout.Metrics);
        if (!files.Exists(path))
            throw new RunFolderException($"'{runFolder}' has no {RunLayout.Metrics}; pass the folder a training run wrote its metrics to.");
        try
        {
            return MetricsCsv.Parse(files.ReadAllText(path));
        }
        catch (MetricsCsvException e)
        {
            throw new DataFileException($"{path}: {e.Message}");
        }
    }

    /// <summary>A short run name for titles and legends: the folder's own name.</summary>
    public static string RunName(string runFolder) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runFolder)));
}
