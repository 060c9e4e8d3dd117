using System.Globalization;
using ReDo.Pure.Statistics;

namespace ReDo.Pure.Study;

/// <summary>
/// H2's drop on one game: how far a high-ratio run's final <c>return_last100</c> lies below the same
/// settings' RR 1 run at the same frame count (<see cref="Rr1Level"/>: the RR 1 run's last logged value
/// at or before the high-ratio run's final frame), and what the same high-ratio settings with ReDo
/// ended at (<see cref="WithRedo"/>; null when not run).
/// </summary>
public sealed record ReturnDrop(string Game, double Ratio, long Frames, double Rr1Level, double HighReturn, double? WithRedo)
{
    public double Drop => Rr1Level - HighReturn;

    /// <summary>The drop counts when it exceeds <paramref name="share"/> of the RR 1 level (and is a drop at all).</summary>
    public bool Counts(double share) => Drop > 0 && Drop > share * Math.Abs(Rr1Level);

    /// <summary>(ReDo − DQN at the high ratio) / drop: 1 recovers the whole drop; null without a ReDo run or a drop.</summary>
    public double? RecoveryShare => WithRedo is { } r && Drop > 0 ? (r - HighReturn) / Drop : null;

    /// <summary>The drop of <paramref name="high"/> below <paramref name="rr1"/>, or null when either has no finite value where it is needed.</summary>
    public static ReturnDrop? Of(string game, double ratio, IReadOnlyList<CurvePoint> rr1, IReadOnlyList<CurvePoint> high, IReadOnlyList<CurvePoint>? withRedo = null)
    {
        if (Last(high) is not { } end) return null;
        if (Last(rr1.Where(p => p.Frames <= end.Frames)) is not { } level) return null;
        return new ReturnDrop(game, ratio, end.Frames, level.Value, end.Value, withRedo is null ? null : Last(withRedo)?.Value);
    }

    static CurvePoint? Last(IEnumerable<CurvePoint> curve) =>
        curve.Where(p => double.IsFinite(p.Value)).Select(p => (CurvePoint?)p).LastOrDefault();

    public string Describe(double share)
    {
        var change = Drop > 0 ? $"drop {F(Drop)}{(Rr1Level != 0 ? $" ({Pct(Drop / Math.Abs(Rr1Level))} of RR 1)" : "")}{(Counts(share) ? "" : ", under the rule's threshold")}"
                              : "no drop (the high ratio ends at or above RR 1)";
        var redo = WithRedo is { } r ? $"; with ReDo {F(r)}{(RecoveryShare is { } s && Counts(share) ? $", recovering {Pct(s)} of the drop" : "")}" : "";
        return $"{Game} RR {R(Ratio)} at {Frames.ToString("N0", CultureInfo.InvariantCulture)} frames: RR 1 {F(Rr1Level)}, RR {R(Ratio)} {F(HighReturn)}: {change}{redo}";
    }

    static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    static string R(double ratio) => ratio.ToString("0.##", CultureInfo.InvariantCulture);
    static string Pct(double v) => v.ToString("P0", CultureInfo.InvariantCulture);
}
