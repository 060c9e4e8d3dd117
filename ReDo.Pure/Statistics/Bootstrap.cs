namespace ReDo.Pure.Statistics;

/// <summary>How to bootstrap: resamples (rliable's default is 50,000 for intervals, 2,000 for profiles), coverage, seed.</summary>
public sealed record BootstrapSettings(int Resamples = 2_000, double Confidence = 0.95, ulong Seed = 0)
{
    public const int MinResamples = 2_000;

    public BootstrapSettings Validated() =>
        Resamples < MinResamples ? throw new ArgumentException($"at least {MinResamples} bootstrap resamples are needed for a 95 % percentile interval (got {Resamples})")
        : !(Confidence > 0 && Confidence < 1) ? throw new ArgumentException($"confidence {Confidence} must lie strictly between 0 and 1")
        : this;

    /// <summary>The percentiles of the interval's ends, e.g. 2.5 and 97.5 for 95 %.</summary>
    public (double Lower, double Upper) Percentiles => (50 * (1 - Confidence), 100 - 50 * (1 - Confidence));
}

/// <summary>A point estimate with its percentile-bootstrap confidence interval.</summary>
public sealed record IntervalEstimate(double Point, double Lower, double Upper)
{
    public bool Contains(double v) => Lower <= v && v <= Upper;
}

/// <summary>
/// rliable's stratified bootstrap: each resample draws, within every game independently, as many runs
/// as the game has, with replacement; games are never resampled. The interval is the percentile
/// interval of the statistic over the resamples. The input is put in canonical order first
/// (<see cref="ScoreTable.Canonical"/>), so the interval depends on the scores and the seed only.
/// </summary>
public static class StratifiedBootstrap
{
    /// <summary>One resample: the same games with the same run counts, runs drawn with replacement.</summary>
    public static (ScoreTable Resample, SplitMix64 Next) Resample(ScoreTable scores, SplitMix64 state)
    {
        var games = new GameScores[scores.Games.Count];
        for (int g = 0; g < games.Length; g++)
        {
            var runs = scores.Games[g].Runs;
            var drawn = new double[runs.Count];
            for (int i = 0; i < drawn.Length; i++)
            {
                (int k, state) = state.NextIndex(runs.Count);
                drawn[i] = runs[k];
            }
            games[g] = new GameScores(scores.Games[g].Game, Collections.ValueList.ToValueList(drawn));
        }
        return (new ScoreTable(Collections.ValueList.ToValueList(games)), state);
    }

    /// <summary>The statistic on the scores, and its percentile interval over the resamples.</summary>
    public static IntervalEstimate Interval(ScoreTable scores, Func<ScoreTable, double> statistic, BootstrapSettings settings) =>
        Intervals(scores, s => [statistic(s)], settings)[0];

    /// <summary>A vector statistic (e.g. a performance profile): one interval per component, from the same resamples.</summary>
    public static IReadOnlyList<IntervalEstimate> Intervals(ScoreTable scores, Func<ScoreTable, double[]> statistic, BootstrapSettings settings)
    {
        settings = settings.Validated();
        var canonical = scores.Validated().Canonical();
        var point = statistic(canonical);
        var samples = new double[point.Length][];
        for (int j = 0; j < point.Length; j++) samples[j] = new double[settings.Resamples];
        var state = new SplitMix64(settings.Seed);
        for (int r = 0; r < settings.Resamples; r++)
        {
            (var resample, state) = Resample(canonical, state);
            var values = statistic(resample);
            for (int j = 0; j < point.Length; j++) samples[j][r] = values[j];
        }
        return Enumerable.Range(0, point.Length).Select(j => Estimate(point[j], samples[j], settings)).ToList();
    }

    /// <summary>Independent stratified resamples of two methods (rliable's StratifiedIndependentBootstrap), for paired statistics.</summary>
    public static IntervalEstimate PairedInterval(ScoreTable x, ScoreTable y, Func<ScoreTable, ScoreTable, double> statistic, BootstrapSettings settings)
    {
        settings = settings.Validated();
        var cx = x.Validated().Canonical();
        var cy = y.Validated().Canonical();
        var samples = new double[settings.Resamples];
        var state = new SplitMix64(settings.Seed);
        for (int r = 0; r < settings.Resamples; r++)
        {
            (var rx, state) = Resample(cx, state);
            (var ry, state) = Resample(cy, state);
            samples[r] = statistic(rx, ry);
        }
        return Estimate(statistic(cx, cy), samples, settings);
    }

    static IntervalEstimate Estimate(double point, double[] samples, BootstrapSettings settings)
    {
        Array.Sort(samples);
        var (lo, hi) = settings.Percentiles;
        return new IntervalEstimate(point, Percentile.Of(samples, lo), Percentile.Of(samples, hi));
    }
}
