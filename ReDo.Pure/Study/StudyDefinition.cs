using ReDo.Pure.Collections;

namespace ReDo.Pure.Study;

/// <summary>
/// One rung of the replay-ratio ladder a study screened: the series without ReDo at that ratio and
/// the same settings with ReDo (null when the study did not run it). H2 reads the drops along the
/// rungs without ReDo; H3 the gain of ReDo at each rung.
/// </summary>
public sealed record LadderRung(double Ratio, string Without, string? With = null);

/// <summary>
/// A pre-registered study (the folder's <c>study.json</c>, written with its preregistration): the
/// experiment folders it is made of and the thresholds its hypotheses use. <c>redo report</c> on a
/// folder holding it reports each part and then the hypotheses over all of them
/// (docs/results/dormancy-study/preregistration.md gives the rules these numbers come from).
/// </summary>
/// <param name="Screening">the screening's experiment folders, relative to the study folder</param>
/// <param name="Confirmation">the confirmation's experiment folder; its baseline series are the agent without ReDo</param>
/// <param name="ScreeningExclude">screening series whose id contains this are never ranked for H1 (the ReDo cells)</param>
/// <param name="RiseThreshold">H1: a rise of at least this many points, in every seed of a cell</param>
/// <param name="DropShare">H2: a drop counts when it exceeds this share of the RR 1 level</param>
/// <param name="Recovery">H2: the share of a drop ReDo must recover</param>
/// <param name="MinSeeds">the seeds a confirmation cell (and each H3 rung) needs per game for a verdict</param>
public sealed record StudyDefinition(
    string Name,
    string Title,
    string Preregistration,
    ValueList<string> Screening,
    string Confirmation,
    ValueList<LadderRung> Ladder,
    string ScreeningExclude = "_redo",
    double RiseThreshold = 10,
    double DropShare = 0.1,
    double Recovery = 0.5,
    int MinSeeds = 3)
{
    /// <summary>Every part folder, the screening's first.</summary>
    public IEnumerable<string> Parts => (Screening ?? []).Append(Confirmation);

    /// <summary>What is wrong with the file, in words; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) p.Add("Name is missing");
        if (string.IsNullOrWhiteSpace(Preregistration)) p.Add("Preregistration is missing (the file that states the hypotheses)");
        if (Screening is null || Screening.Count == 0) p.Add("Screening names no experiment folder");
        if (string.IsNullOrWhiteSpace(Confirmation)) p.Add("Confirmation names no experiment folder");
        foreach (var part in Parts.Where(x => !string.IsNullOrWhiteSpace(x)))
            if (part.StartsWith('/') || part.StartsWith('\\') || part.Contains(':') || part.Split('/', '\\').Contains("..")) p.Add($"part '{part}' must be a folder inside the study folder");
        if (Parts.Where(x => !string.IsNullOrWhiteSpace(x)).GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            p.Add($"part '{twice.Key}' is named twice");
        if (Ladder is null) p.Add("Ladder is missing (give [] when the study screened no replay-ratio ladder)");
        else
        {
            foreach (var r in Ladder.Where(r => !(r.Ratio > 0) || string.IsNullOrWhiteSpace(r.Without)))
                p.Add($"ladder rung at ratio {r.Ratio}: a ratio above 0 and a Without series are needed");
            if (Ladder.GroupBy(r => r.Ratio).FirstOrDefault(g => g.Count() > 1) is { } same) p.Add($"ladder ratio {same.Key} appears twice");
            if (Ladder.Count > 0 && !Ladder.Any(r => r.Ratio == 1)) p.Add("the ladder has no rung at ratio 1, which H2's drops are measured from");
        }
        if (!(RiseThreshold > 0)) p.Add("RiseThreshold must be above 0 (points)");
        if (!(DropShare >= 0 && DropShare < 1)) p.Add("DropShare must be in [0, 1)");
        if (!(Recovery > 0 && Recovery <= 1)) p.Add("Recovery must be in (0, 1]");
        if (MinSeeds < 1) p.Add("MinSeeds must be at least 1");
        return p;
    }
}
