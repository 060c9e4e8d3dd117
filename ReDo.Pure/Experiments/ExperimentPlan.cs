namespace ReDo.Pure.Experiments;

/// <summary>One series of an experiment: a combination of axis points (e.g. "DQN · RR 0.25"), shared by all its games and seeds.</summary>
public sealed record Series(string Id, string Label, string[] PointIds);

/// <summary>One planned run: its name (the run folder), game, series, seed and every override on top of the base config.</summary>
public sealed record PlannedRun(string Name, string Game, string SeriesId, int Seed, string[] Overrides, int Shard);

/// <summary>What <c>redo experiment plan</c> decided: the experiment, the size, the series and the runs.</summary>
public sealed record ExperimentPlan(string Experiment, string Size, long Frames, Series[] Series, PlannedRun[] Runs, int Shards);

/// <summary>Axes × games × seeds → runs (first axis slowest, then game, then seed; a point limited to some games skips the others, a point with its own seeds replaces the size's — the last such point of a series wins), dealt over the shards by cost (<see cref="ShardBalance"/>).</summary>
public static class ExperimentPlanner
{
    /// <summary>A series' id: its points' ids joined by '-' (so point ids may not contain '-').</summary>
    public static string SeriesId(IEnumerable<string> pointIds) => string.Join('-', pointIds);

    /// <param name="sets">overrides for every run after all of the experiment's own (a user's small variant, <c>plan --set</c>); a Run:Frames among them sets the plan's frames too</param>
    public static ExperimentPlan Plan(ExperimentDefinition d, string sizeName, int shards = 1, IReadOnlyList<string>? sets = null)
    {
        if (d.Problems() is { Count: > 0 } problems) throw new ArgumentException($"experiment {d.Name}: {string.Join("; ", problems)}");
        if (!d.Sizes.TryGetValue(sizeName, out var size))
            throw new ArgumentException($"experiment {d.Name} has no size '{sizeName}'; it has: {string.Join(", ", d.Sizes.Keys)}");
        if (shards < 1) throw new ArgumentException("at least one shard");
        var seeds = Runs.SeedRange.Parse(size.Seeds).Seeds!;

        IEnumerable<AxisPoint[]> combos = [[]];
        foreach (var axis in d.Axes)
            combos = combos.SelectMany(c => size.Keep(axis).Select(p => c.Append(p).ToArray()));
        var series = combos.Select(c => new Series(SeriesId(c.Select(p => p.Id)), string.Join(" · ", c.Select(p => p.Label)), c.Select(p => p.Id).ToArray())).ToArray();
        var pointSets = combos.ToArray();

        var runs = new List<PlannedRun>();
        for (int s = 0; s < series.Length; s++)
            foreach (var game in size.Games.Where(g => pointSets[s].All(p => p.RunsOn(g))))
                foreach (var seed in pointSets[s].LastOrDefault(p => p.Seeds is not null) is { } own ? Runs.SeedRange.Parse(own.Seeds!).Seeds! : seeds)
                {
                    string[] overrides = [.. d.Set, .. size.Set ?? [], $"Run:Game={game}", $"Run:Frames={size.Frames}", .. pointSets[s].SelectMany(p => p.Set), .. sets ?? []];
                    runs.Add(new PlannedRun($"{d.Name}-{game}-{series[s].Id}-seed{seed}", game, series[s].Id, seed, overrides, 0));
                }
        long frames = FramesSet(sets) ?? size.Frames;
        var shardOf = ShardBalance.Assign([.. runs.Select(r => ShardBalance.Cost(r.Overrides, frames))], shards);
        return new ExperimentPlan(d.Name, sizeName, frames, series, [.. runs.Select((r, i) => r with { Shard = shardOf[i] })], shards);
    }

    /// <summary>The last Run:Frames=N among <paramref name="sets"/>, or null; a value that is not a positive whole number is refused here, naming it.</summary>
    static long? FramesSet(IReadOnlyList<string>? sets)
    {
        var last = (sets ?? []).LastOrDefault(x => x.Split('=')[0].Trim().Equals("Run:Frames", StringComparison.OrdinalIgnoreCase));
        if (last is null) return null;
        var value = last[(last.IndexOf('=') + 1)..].Trim();
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var f) && f > 0 ? f
            : throw new ArgumentException($"--set {last}: Run:Frames must be a positive whole number");
    }
}
