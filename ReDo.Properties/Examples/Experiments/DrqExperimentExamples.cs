using ReDo.Pure.Config;
using ReDo.Pure.Experiments;
using ReDo.Pure.Networks;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>The shipped drq-replay-ratio experiment (docs/drq.md) plans, every run's config validates, and ReDo's window covers every run.</summary>
public class DrqExperimentExamples
{
    [Theory]
    [InlineData("quick", 16)]
    [InlineData("full", 200)]
    public void Drq_replay_ratio_plans_valid_runs_whose_recycling_window_covers_the_whole_run(string size, int runs)
    {
        var root = RepoRoot.Find();
        var definition = ExperimentFiles.Load(TestDisk.Files, "drq-replay-ratio", Path.Combine(root, ExperimentFiles.DefaultFolder));
        var plan = ExperimentPlanner.Plan(definition, size);
        Assert.Equal(runs, plan.Runs.Length);
        foreach (var run in plan.Runs)
        {
            var config = ConfigLoader.Load(Path.Combine(root, definition.BaseConfig), run.Overrides, TestDisk.Files);
            Assert.IsType<DrqSettings>(config.Agent);
            Assert.Equal((NetworkProfile.MinAtarDueling, true), (config.Dqn.Network, config.Dqn.DoubleDqn));
            Assert.True(config.Redo.EndStep >= config.Run.Frames * config.Dqn.ReplayRatio, $"{run.Name}: Redo:EndStep {config.Redo.EndStep}");
        }
    }
}
