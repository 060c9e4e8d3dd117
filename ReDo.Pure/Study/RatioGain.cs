using ReDo.Pure.Statistics;
using static ReDo.Pure.Reports.ReportNumbers;

namespace ReDo.Pure.Study;

/// <summary>
/// H3's statistic at one replay ratio: ReDo's normalised score minus the agent's without it, per game
/// both have finished runs on (mean over runs), and their mean over those games.
/// </summary>
public sealed record RatioGain(double Ratio, IReadOnlyList<(string Game, double Without, double With, int RunsWithout, int RunsWith)> Games, bool Pending)
{
    public double Gain => Games.Count == 0 ? double.NaN : Games.Average(g => g.With - g.Without);

    /// <summary>Whether this rung has <paramref name="minSeeds"/> runs a side on at least two games (what deciding H3 needs).</summary>
    public bool Decidable(int minSeeds) => Games.Count(g => g.RunsWithout >= minSeeds && g.RunsWith >= minSeeds) >= 2;

    /// <summary>The gain from the two series' normalised tables (null tables: no finished runs yet).</summary>
    public static RatioGain Of(double ratio, ScoreTable? without, ScoreTable? with, bool pending)
    {
        if (without is null || with is null) return new RatioGain(ratio, [], pending);
        var games = ScoreTable.SharedGames(without, with).Select(g =>
        {
            var (a, b) = (without.Games.First(x => x.Game == g).Runs, with.Games.First(x => x.Game == g).Runs);
            return (g, a.Average(), b.Average(), a.Count, b.Count);
        }).ToList();
        return new RatioGain(ratio, games, pending);
    }

    public string Describe() =>
        $"RR {Number(Ratio)}: {Number(Gain)}{(Games.Count == 0 ? "" : $" ({string.Join(", ", Games.Select(g => $"{g.Game} {Number(g.With)} − {Number(g.Without)}, {g.RunsWith} vs {g.RunsWithout} runs"))})")}{(Pending ? " (runs not finished)" : "")}";
}

/// <summary>
/// H3: ReDo's gain over the agent grows with the replay ratio (strictly, along the ladder's rungs that
/// ran ReDo). Decided only when every rung has <see cref="StudyDefinition.MinSeeds"/> runs a side on at
/// least two games; with fewer it is exploratory and undecided whatever the order shows.
/// </summary>
public static class RatioGainVerdict
{
    public const string Hypothesis = "H3";

    public static HypothesisVerdict Of(IReadOnlyList<RatioGain> rungs, int minSeeds)
    {
        var ordered = rungs.OrderBy(r => r.Ratio).ToList();
        var withGains = ordered.Where(r => r.Games.Count > 0).ToList();
        bool grows = withGains.Count >= 2 && withGains.Zip(withGains.Skip(1)).All(p => p.Second.Gain > p.First.Gain);
        var numbers = $"gain in normalised score, ReDo − without: {string.Join("; ", ordered.Select(r => r.Describe()))}" +
                      (withGains.Count >= 2 && withGains.Count == ordered.Count ? $"; the gain {(grows ? "grows" : "does not grow")} with the ratio" : "");
        if (ordered.Count < 2) return new HypothesisVerdict(Hypothesis, null, Verdict.Undecided, $"{numbers}; the study ran ReDo at fewer than two ratios");
        if (ordered.Any(r => r.Pending)) return new HypothesisVerdict(Hypothesis, null, Verdict.Pending, numbers);
        if (withGains.Count < ordered.Count || !ordered.All(r => r.Decidable(minSeeds)))
            return new HypothesisVerdict(Hypothesis, null, Verdict.Undecided, $"{numbers}; exploratory: deciding it needs ≥ {minSeeds} runs a side on ≥ 2 games at every ratio");
        return new HypothesisVerdict(Hypothesis, null, grows ? Verdict.Supported : Verdict.Falsified, numbers);
    }
}
