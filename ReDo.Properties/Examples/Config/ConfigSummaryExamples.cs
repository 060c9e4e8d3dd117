using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>The one-line description `redo config list` prints of each shipped config.</summary>
public class ConfigSummaryExamples
{
    static string Describe(string name) =>
        ConfigSummary.Describe(ConfigLoader.Load(Path.Combine(RepoRoot.Find(), "configs", name + ".json"), [], TestDisk.Files));

    [Theory]
    [InlineData("minatar-breakout-dqn", "DQN on breakout, 5,000,000 frames, replay ratio 1")]
    [InlineData("minatar-breakout-dqn-redo", "DQN on breakout, 5,000,000 frames, replay ratio 1, ReDo τ = 0.1, F = 1,000")]
    [InlineData("minatar-breakout-dqn-dopamine-redo", "DQN on breakout, 10,000,000 frames, replay ratio 0.25, ReDo τ = 0.025, F = 1,000")]
    [InlineData("minatar-seaquest-drq-redo", "DrQ(ε) on seaquest, 100,000 frames, replay ratio 1, ReDo τ = 0.1, F = 1,000")]
    [InlineData("minatar-freeway-dqn-reset", "DQN on freeway, 5,000,000 frames, replay ratio 1, Reset every 100,000 gradient steps")]
    [InlineData("mujoco-hopper-sac-reset", "SAC on hopper, 1,000,000 steps, replay ratio 1, Reset every 200,000 environment steps")]
    [InlineData("minatar-asterix-dqn-wd", "DQN on asterix, 5,000,000 frames, replay ratio 1, weight decay 1E-05")]
    [InlineData("mujoco-ant-sac-redo-width0.25", "SAC on ant, 1,000,000 steps, replay ratio 1, width ×0.25, ReDo τ = 0, F = 200,000")]
    public void Each_kind_of_config_reads_as_what_it_trains(string name, string expected) => Assert.Equal(expected, Describe(name));
}
