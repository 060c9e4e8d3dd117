using ReDo.Pure;
using ReDo.Pure.Analyses;
using ReDo.Shell.Files;

namespace ReDo.Shell.Metrics;

/// <summary>
/// <c>dormancy-log.txt</c> in a run folder: one line per dormancy logging step with the dormant
/// masks at τ = 0 and at τ and the penultimate features' ranks, so that the persistence and rank
/// analyses run after training. Appends are durable; a resume drops the entries logged after its
/// checkpoint (<see cref="CutBack"/>), so a resumed run's log equals an uninterrupted run's.
/// </summary>
public sealed class DormancyLog(string runFolder, IRunFiles files)
{
    public string Path { get; } = System.IO.Path.Combine(runFolder, RunLayout.DormancyLog);

    public void Append(DormancyLogEntry entry)
    {
        if (!files.Exists(Path)) files.AppendText(Path, DormancyLogFormat.Header);
        files.AppendText(Path, DormancyLogFormat.Line(entry));
    }

    /// <summary>
    /// Keeps the header and the entries logged at or before <paramref name="updates"/> gradient updates (and
    /// drops a torn last line). A damaged line before the cut is refused naming it, with the file unchanged.
    /// </summary>
    public void CutBack(long updates)
    {
        if (!files.Exists(Path)) return;
        var text = files.ReadAllText(Path);
        long keep = 0;
        int start = 0, lineNumber = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) break;                                     // torn append
            if (DormancyLogFormat.UpdatesOf(text[start..end], Path, ++lineNumber) > updates) break;
            start = end + 1;
            keep = System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, start));
        }
        if (keep < files.Length(Path)) files.Truncate(Path, keep);
    }

    /// <summary>All entries of a run folder; a clear error when the run has none.</summary>
    public static IReadOnlyList<DormancyLogEntry> Load(IRunFiles files, string runFolder)
    {
        var path = System.IO.Path.Combine(runFolder, RunLayout.DormancyLog);
        if (!files.Exists(path))
            throw new RunFolderException($"{runFolder} has no {RunLayout.DormancyLog}: it is written by `redo train` at every dormancy logging step (Redo:LogPeriod) since this version; train the run again to analyse it.");
        return DormancyLogFormat.Parse(files.ReadAllText(path), path);
    }
}
