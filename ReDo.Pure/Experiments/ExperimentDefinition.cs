namespace ReDo.Pure.Experiments;

/// <summary>
/// One value of an axis: a file-name-safe id, the label the report prints, and the config overrides it
/// stands for. <see cref="Games"/>, when given, limits the point to those of the size's games, so a
/// screening grid can be a list of cells rather than a full product (null: every game of the size).
/// <see cref="Seeds"/>, when given (e.g. "2-5"), replaces the size's seeds for the runs of this point, so
/// one experiment can give one cell more seeds than another (a single-game cell needs 4 seeds for the
/// separation floor that 3 seeds on each of 2 games reach).
/// </summary>
public sealed record AxisPoint(string Id, string Label, string[] Set, string[]? Games = null, string? Seeds = null)
{
    /// <summary>Whether this point runs on <paramref name="game"/>.</summary>
    public bool RunsOn(string game) => Games is null || Games.Contains(game, StringComparer.Ordinal);
}

/// <summary>An axis of an experiment (method, replay ratio, τ …): its points multiply with the other axes'.</summary>
public sealed record ExperimentAxis(string Name, AxisPoint[] Points);

/// <summary>
/// A size of an experiment: which games and seeds, how many frames, extra overrides, and what it costs;
/// <see cref="Points"/>, when given, keeps only the axis points with these ids (e.g. a quick size
/// without one of the methods), null keeps all.
/// </summary>
public sealed record ExperimentSize(string[] Games, string Seeds, long Frames, string[] Set, string Cost, string[]? Points = null)
{
    /// <summary>The axis's points this size runs.</summary>
    public AxisPoint[] Keep(ExperimentAxis axis) => Points is null ? axis.Points : axis.Points.Where(p => Points.Contains(p.Id)).ToArray();
}

/// <summary>
/// A number the paper reports for one series, e.g. Fig. 10a, DQN at RR 1: Measure "IQM", Value 0.30; or
/// Fig. 7: Measure "dormant %". <see cref="Source"/> says which figure and on what (Atari, 10 M frames …).
/// </summary>
public sealed record PaperNumber(string Series, string Measure, double Value, string Source);

/// <summary>
/// An experiment file of <c>configs/experiments/</c>: a base config, fixed overrides, axes whose
/// points multiply, the games, and named sizes (<c>quick</c>, <c>full</c>). <see cref="Mirrors"/> names
/// the paper figure, <see cref="Claim"/> the finding the report should let a reader judge.
/// <see cref="Score"/> names the metrics.csv column runs are scored by (<see cref="Reports.ScoreMeasure"/>);
/// <see cref="PaperNote"/> says what the paper's numbers are and how to read them beside ours
/// (null: the paper's Atari results beside our MinAtar ones).
/// </summary>
public sealed record ExperimentDefinition(
    string Name,
    string Mirrors,
    string Claim,
    string BaseConfig,
    string[] Set,
    ExperimentAxis[] Axes,
    IReadOnlyDictionary<string, ExperimentSize> Sizes,
    PaperNumber[] Paper,
    string? Baseline = null,
    string? Score = null,
    string? PaperNote = null)
{
    /// <summary>The score column, <c>return_last100</c> unless the file says otherwise.</summary>
    public string ScoreColumn => Score ?? Reports.ScoreMeasure.ReturnLast100;

    /// <summary>Every problem of the file in words (empty when it is sound).</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || !Runs.RunSpec.IsSafeName(Name)) p.Add($"Name '{Name}' must be letters, digits, '.', '_', '-'");
        if (string.IsNullOrWhiteSpace(BaseConfig)) p.Add("BaseConfig must name a config file, e.g. configs/minatar-breakout-dqn.json");
        if (Axes is null || Axes.Length == 0) p.Add("Axes must list at least one axis (e.g. the method)");
        foreach (var axis in Axes ?? [])
        {
            if (axis.Points is null || axis.Points.Length == 0) { p.Add($"axis {axis.Name} has no points"); continue; }
            foreach (var pt in axis.Points)
                if (string.IsNullOrWhiteSpace(pt.Id) || !Runs.RunSpec.IsSafeName(pt.Id) || pt.Id.Contains('-'))
                    p.Add($"axis {axis.Name}: point id '{pt.Id}' must be letters, digits, '.', '_' or '=' (no '-': it separates the parts of a run name)");
            foreach (var pt in axis.Points.Where(x => x.Games is { Length: 0 }))
                p.Add($"axis {axis.Name}: point '{pt.Id}' has an empty Games list; leave Games out to run it on every game");
            foreach (var pt in axis.Points.Where(x => x.Games is { Length: > 0 } && Sizes is not null))
                foreach (var g in pt.Games!.Where(g => !Sizes.Values.Any(sz => sz.Games?.Contains(g, StringComparer.Ordinal) == true)))
                    p.Add($"axis {axis.Name}: point '{pt.Id}' names game '{g}', which no size runs");
            foreach (var pt in axis.Points.Where(x => x.Seeds is not null))
                if (Runs.SeedRange.Parse(pt.Seeds!).Problem is { } sp) p.Add($"axis {axis.Name}: point '{pt.Id}': Seeds: {sp}");
            foreach (var twice in axis.Points.GroupBy(x => x.Id).Where(g => g.Count() > 1))
                p.Add($"axis {axis.Name}: point id '{twice.Key}' appears twice");
        }
        if (Baseline is not null && Axes is { Length: > 0 } && Axes.All(a => a.Points is { Length: > 0 }))
        {
            var seriesIds = Axes.Aggregate((IEnumerable<string[]>)[[]], (combos, a) => combos.SelectMany(c => a.Points.Select(pt => (string[])[.. c, pt.Id])))
                                .Select(ExperimentPlanner.SeriesId);
            if (!seriesIds.Contains(Baseline) && !Axes.Any(a => a.Points.Any(pt => pt.Id == Baseline)))
                p.Add($"Baseline '{Baseline}' must be a series id (points joined by '-', e.g. {seriesIds.First()}) or one axis's point id (each series is then compared with the one that differs only on that axis)");
        }
        if (Score is not null && !Reports.ScoreMeasure.All.Contains(Score)) p.Add($"Score '{Score}' must be one of {string.Join(", ", Reports.ScoreMeasure.All)}");
        if (Sizes is null || Sizes.Count == 0) p.Add("Sizes must define at least one size (quick, full)");
        foreach (var (name, size) in Sizes ?? new Dictionary<string, ExperimentSize>())
        {
            if (size.Games is null || size.Games.Length == 0) p.Add($"size {name} lists no games");
            if (size.Frames <= 0) p.Add($"size {name}: Frames must be positive");
            if (Runs.SeedRange.Parse(size.Seeds ?? "").Problem is { } sp) p.Add($"size {name}: Seeds: {sp}");
            if (string.IsNullOrWhiteSpace(size.Cost)) p.Add($"size {name}: Cost must say what the size costs (runs, frames, hours)");
            if (size.Points is null) continue;
            var ids = (Axes ?? []).SelectMany(a => a.Points ?? []).Select(x => x.Id).ToHashSet();
            foreach (var unknown in size.Points.Where(id => !ids.Contains(id))) p.Add($"size {name}: Points names '{unknown}', which no axis has");
            foreach (var axis in (Axes ?? []).Where(a => a.Points is { Length: > 0 } && size.Keep(a).Length == 0)) p.Add($"size {name}: Points keeps no point of axis {axis.Name}");
            if (Baseline is not null && Baseline.Split('-').Any(id => !size.Points.Contains(id))) p.Add($"size {name}: Points leaves out the baseline series {Baseline}");
        }
        return p;
    }
}
