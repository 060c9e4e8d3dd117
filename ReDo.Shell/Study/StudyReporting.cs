using ReDo.Pure.Statistics;
using ReDo.Pure.Study;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;

namespace ReDo.Shell.Study;

/// <summary>
/// <c>redo report &lt;study folder&gt;</c>: makes each part's report (into &lt;out&gt;/&lt;part&gt;), then the
/// study's report.md over all of them (<see cref="StudyResults"/>), opened by the folder's findings file (<see cref="ExperimentReporting.FindingsFile"/>; e.g. docs/results/dormancy-study/findings.md)
/// when it has one. With <c>--out</c> the study folder itself, a shipped study makes its reports again.
/// </summary>
public sealed class StudyReporting(TextWriter output, IRunFiles files)
{
    public StudyResults Write(string folder, string outFolder, AnchorFiles anchors, BootstrapSettings bootstrap)
    {
        var d = StudyFiles.Load(files, folder);
        var reporting = new ExperimentReporting(output, files);
        StudyPart Part(string part) => new(part, reporting.Write(Path.Combine(folder, part), Path.Combine(outFolder, part), anchors, bootstrap));
        var screening = d.Screening.Select(Part).ToList();
        var confirmation = Part(d.Confirmation);
        var results = StudyResults.Compute(d, screening, confirmation);
        files.CreateDirectory(outFolder);
        var reportPath = Path.Combine(outFolder, ExperimentReporting.ReportFile);
        files.WriteTextAtomically(reportPath, StudyMarkdown.Write(results, reporting.Findings(folder)));
        output.WriteLine($"{reportPath}: study {d.Name}, {screening.Count + 1} part(s){(results.Partial ? " (partial results)" : "")}");
        foreach (var v in results.Verdicts) output.WriteLine($"  {v.Hypothesis}{(v.Cell is null ? "" : $" {v.Cell}")}: {HypothesisVerdict.Words(v.Verdict)}");
        return results;
    }
}
