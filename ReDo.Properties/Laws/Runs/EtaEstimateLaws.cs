using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Runs;
using Xunit;

namespace ReDo.Properties.Laws.Runs;

/// <summary>
/// The ETA is measured over the learning phase only: however fast or slow the warm-up ran, it changes
/// nothing; at a steady learning rate the estimate is exactly the frames left at that rate; before a
/// learning interval has been measured there is no estimate at all (not a tiny one).
/// </summary>
public class EtaEstimateLaws
{
    /// <summary>
    /// A session: its logging points (frames and seconds strictly increasing) up to the run's end, the
    /// warm-up's end, and its learning rate (each point past the warm-up at that rate from the first of them).
    /// </summary>
    public sealed record Session(long Start, long LearningFrom, long Total, long[] Frames, double[] WarmUpSeconds, double Rate);

    static readonly Gen<Session> Sessions =
        from learningFrom in Gen.Choose(0, 20_000)
        from start in Gen.Elements(0, 0, learningFrom / 2, learningFrom, learningFrom + 500)
        from logEvery in Gen.Choose(100, 5_000)
        from points in Gen.Choose(1, 30)
        from warmSeconds in Gen.ArrayOf(Gen.Choose(1, 1_000).Select(x => x / 1000.0), points)
        from rate in Gen.Choose(1, 100_000).Select(x => x / 10.0)
        let frames = Enumerable.Range(1, points).Select(i => (long)start + (long)i * logEvery).ToArray()
        select new Session(start, learningFrom, frames[^1] + logEvery * 3L, frames, warmSeconds, rate);

    /// <summary>The session's points: warm-up points a small time apart each, then the learning points at <see cref="Session.Rate"/>.</summary>
    static ProgressPoint[] Points(Session s, double warmUpScale)
    {
        var points = new ProgressPoint[s.Frames.Length];
        double t = 0;
        ProgressPoint? anchor = s.Start >= s.LearningFrom ? new ProgressPoint(s.Start, 0) : null;
        for (int i = 0; i < points.Length; i++)
        {
            if (anchor is { } a) t = a.Seconds + (s.Frames[i] - a.Frames) / s.Rate;
            else t += s.WarmUpSeconds[i] * warmUpScale;
            points[i] = new ProgressPoint(s.Frames[i], t);
            if (anchor is null && s.Frames[i] >= s.LearningFrom) anchor = points[i];
        }
        return points;
    }

    static (EtaEstimate Estimate, ProgressPoint Now) Fold(Session s, ProgressPoint[] points)
    {
        var e = EtaEstimate.Start(s.LearningFrom, s.Start);
        foreach (var p in points) e = e.With(p);
        return (e, points[^1]);
    }

    [Law(Runs = 1000)]
    public Property The_warm_up_s_speed_changes_nothing() =>
        Prop.ForAll(Sessions.ToArbitrary(), Gen.Choose(1, 1000).Select(x => x / 10.0).ToArbitrary(), (s, scale) =>
        {
            var (a, nowA) = Fold(s, Points(s, 1));
            var (b, nowB) = Fold(s, Points(s, scale));
            var (etaA, etaB) = (a.Eta(nowA, s.Total), b.Eta(nowB, s.Total));
            Assert.Equal(etaA is null, etaB is null);
            if (etaA is { } x && etaB is { } y) Assert.True(Math.Abs(x.TotalSeconds - y.TotalSeconds) <= 1e-6 * Math.Max(1, x.TotalSeconds), $"{x} vs {y}");
        });

    [Law(Runs = 1000)]
    public Property At_a_steady_learning_rate_the_estimate_is_the_frames_left_at_that_rate_and_none_before_it_is_measured() =>
        Prop.ForAll(Sessions.ToArbitrary(), s =>
        {
            var (estimate, now) = Fold(s, Points(s, 1));
            var measured = estimate.Anchor is { } a && now.Frames > a.Frames;
            var eta = estimate.Eta(now, s.Total);
            Assert.Equal(measured, eta is not null);
            if (eta is { } e)
                Assert.True(Math.Abs(e.TotalSeconds - (s.Total - now.Frames) / s.Rate) <= 1e-6 * Math.Max(1, e.TotalSeconds), $"{e.TotalSeconds} vs {(s.Total - now.Frames) / s.Rate}");
        });

    [Fact]
    public void A_session_that_starts_past_the_warm_up_measures_from_its_start()
    {
        var e = EtaEstimate.Start(learningFrom: 5_000, startFrames: 8_000).With(new ProgressPoint(10_000, 20));
        Assert.Equal(100, e.FramesPerSecond(new ProgressPoint(10_000, 20)));
        Assert.Equal(TimeSpan.FromSeconds(90), e.Eta(new ProgressPoint(10_000, 20), 19_000));
    }

    [Fact]
    public void The_first_point_past_the_warm_up_gives_no_estimate_yet()
    {
        // The DQN-at-RR-8 case: 5,000 warm-up frames in 0.07 s, then learning at 100 frames/s.
        var e = EtaEstimate.Start(5_000, 0).With(new ProgressPoint(5_000, 0.07));
        Assert.Null(e.Eta(new ProgressPoint(5_000, 0.07), 1_000_000));
        e = e.With(new ProgressPoint(6_000, 10.07));
        Assert.Equal(TimeSpan.FromSeconds(9_940), e.Eta(new ProgressPoint(6_000, 10.07), 1_000_000));
    }
}
