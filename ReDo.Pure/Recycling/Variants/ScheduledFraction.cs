namespace ReDo.Pure.Recycling.Variants;

/// <summary>
/// The fraction of each layer recycled at a step by the scheduled variant (paper Fig. 15; docs/specs/redo-algorithm.md §2.3):
/// f = rate · cos(π/2 · step / endStep) until endStep, 0 from then on (paper: rate 0.1, every 1,000 steps).
/// </summary>
public sealed record ScheduledFraction(double Rate, long EndStep)
{
    public double At(long step)
    {
        if (!(Rate >= 0 && Rate <= 1)) throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "the recycle rate is a fraction in [0, 1]");
        if (EndStep <= 0) throw new ArgumentOutOfRangeException(nameof(EndStep), EndStep, "the schedule needs a positive end step");
        if (step >= EndStep) return 0;
        // cos can round to a hair below 0 near π/2; a fraction is never negative.
        return Math.Max(0, Rate * Math.Cos(Math.PI / 2 * Math.Max(0, step) / EndStep));
    }
}
