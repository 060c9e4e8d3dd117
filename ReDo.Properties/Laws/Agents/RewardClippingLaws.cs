using FsCheck;
using FsCheck.Fluent;
using ReDo.Properties.Generators;
using ReDo.Pure.Agents;
using Xunit;

namespace ReDo.Properties.Laws.Agents;

/// <summary>Env:ClipRewards = Dopamine's clip to [−1, 1]: rewards inside are kept, the rest saturate.</summary>
public class RewardClippingLaws
{
    [Law(Runs = 500)]
    public Property Clipping_keeps_rewards_in_minus_one_to_one_and_saturates_the_rest() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).Select(x => x / 100f).ToArbitrary(), r =>
        {
            var c = RewardClipping.Clip(r);
            Assert.InRange(c, -1f, 1f);
            Assert.Equal(r is >= -1f and <= 1f ? r : Math.Sign(r), c);
        });
}
