using System.Globalization;
using System.Text;
using ReDo.Pure.Analyses;

namespace ReDo.Pure.Study;

/// <summary>
/// The text of a study's report.md: the reader's findings, each hypothesis's verdict with its numbers,
/// the parts (each with its own report, figures and run files) and the tables the verdicts come from.
/// </summary>
public static class StudyMarkdown
{
    /// <param name="findings">what the study shows, in the words of whoever read it (the study folder's findings file, e.g. docs/results/dormancy-study/findings.md); null: none</param>
    public static string Write(StudyResults s, string? findings = null)
    {
        var d = s.Definition;
        var b = new StringBuilder();
        int finished = s.Parts.Sum(p => p.Results.Runs.Count(r => r.Finished)), planned = s.Parts.Sum(p => p.Results.Runs.Count);
        b.AppendLine($"# {d.Title}{(s.Partial ? $" — **partial: {finished} of {planned} runs finished**" : "")}").AppendLine();
        b.AppendLine($"Pre-registered in [{d.Preregistration}]({d.Preregistration}). This report is made by `redo report` over the study's parts; " +
                     "each part's own report holds its figures, and its `runs/` folder every run's config, metrics and dormancy log.").AppendLine();
        if (s.Partial)
            b.AppendLine("**Partial results.** Verdicts that need unfinished runs say *pending*; their numbers are those of the finished runs so far and will change.").AppendLine();
        if (!string.IsNullOrWhiteSpace(findings))
            b.AppendLine("## What the study shows").AppendLine().AppendLine(findings.Trim()).AppendLine();

        b.AppendLine("## Hypotheses").AppendLine();
        b.AppendLine("| | cell | verdict | numbers |").AppendLine("|---|---|---|---|");
        foreach (var v in s.Verdicts)
            b.AppendLine($"| {v.Hypothesis} | {v.Cell ?? "study"} | **{HypothesisVerdict.Words(v.Verdict)}** | {v.Numbers} |");
        b.AppendLine();

        b.AppendLine("## Parts").AppendLine();
        b.AppendLine("| part | role | experiment | runs finished | report |").AppendLine("|---|---|---|---|---|");
        foreach (var p in s.Screening) b.AppendLine(PartRow(p, "screening"));
        b.AppendLine(PartRow(s.Confirmation, "confirmation"));
        b.AppendLine();

        b.AppendLine($"## H1 in the confirmation: the dormant share's rise at τ = 0.1 (points; final = mean of the last {DormancyRise.FinalRows} rows, minimum = lowest before them)").AppendLine();
        RiseTable(b, s.ConfirmationRises, d.RiseThreshold);
        b.AppendLine($"## H1 in the screening (one seed a cell, ranked; series containing `{d.ScreeningExclude}` left out)").AppendLine();
        RiseTable(b, [.. s.ScreeningRises.Where(r => r.Rise is not null).OrderByDescending(r => r.Rise!.Rise).ThenBy(r => r.Run, StringComparer.Ordinal)], d.RiseThreshold);

        b.AppendLine($"## H2: drops of the high ratios (RR ≥ {StudyResults.HighRatio.ToString("0.##", CultureInfo.InvariantCulture)}) below RR 1 at the same frames (`return_last100`)").AppendLine();
        if (s.ScreeningDrops.Count == 0) b.AppendLine("No high-ratio screening run has a finished RR 1 partner.");
        foreach (var drop in s.ScreeningDrops) b.AppendLine($"- {drop.Describe(d.DropShare)}");
        b.AppendLine();

        b.AppendLine("## H3: ReDo's gain over the agent at each ratio (normalised score)").AppendLine();
        if (s.Gains.Count == 0) b.AppendLine("The study ran ReDo at no ladder rung.");
        foreach (var g in s.Gains) b.AppendLine($"- {g.Describe()}");
        b.AppendLine();
        return b.ToString();
    }

    static string PartRow(StudyPart p, string role) =>
        $"| {p.Folder} | {role} | `{p.Results.Definition.Name}` (size `{p.Results.Plan.Size}`) | {p.Results.Runs.Count(r => r.Finished)} of {p.Results.Runs.Count} | [{p.Folder}/report.md]({p.Folder}/report.md) |";

    static void RiseTable(StringBuilder b, IReadOnlyList<RiseOfRun> runs, double threshold)
    {
        b.AppendLine($"| run | game | seed | finished | first % | min % | final % | rise | ≥ {threshold.ToString("0.##", CultureInfo.InvariantCulture)} |").AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
            b.AppendLine(r.Rise is { } x
                ? $"| {r.Run} | {r.Game} | {r.Seed} | {(r.Finished ? "yes" : "no")} | {F(x.First)} | {F(x.Minimum)} | {F(x.Final)} | {F2(x.Rise)} | {(x.Rise >= threshold ? "yes" : "no")} |"
                : $"| {r.Run} | {r.Game} | {r.Seed} | {(r.Finished ? "yes" : "no")} | — | — | — | — | — |");
        b.AppendLine();
    }

    /// <summary>One decimal; a value that rounds to zero prints 0.0, never -0.0.</summary>
    static string F(double v) => (Math.Round(v, 1) == 0 ? 0 : v).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Two decimals for a rise, so one just under the threshold never prints as it.</summary>
    static string F2(double v) => (Math.Round(v, 2) == 0 ? 0 : v).ToString("0.00", CultureInfo.InvariantCulture);
}
