using ReDo.Pure.Config;
using ReDo.Pure.Experiments;
using ReDo.Pure.Recycling.Variants;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using Xunit;

namespace ReDo.Properties.Examples.Experiments;

/// <summary>
/// The shipped selection (Fig. 15) and sensitivity (Fig. 11, 12, 22–24) experiments plan, every run's
/// config validates, and the scheduled fraction's cosine ends exactly at the run's last gradient step.
/// </summary>
public class VariantExperimentExamples
{
    [Theory]
    [InlineData("selection", "quick", 20)]
    [InlineData("selection", "full", 125)]
    [InlineData("sensitivity", "quick", 18)]
    [InlineData("sensitivity", "full", 450)]
    public void Variant_experiments_plan_valid_runs(string name, string size, int runs)
    {
        var root = RepoRoot.Find();
        var definition = ExperimentFiles.Load(TestDisk.Files, name, Path.Combine(root, ExperimentFiles.DefaultFolder));
        var plan = ExperimentPlanner.Plan(definition, size);
        Assert.Equal(runs, plan.Runs.Length);
        foreach (var run in plan.Runs)
        {
            var config = ConfigLoader.Load(Path.Combine(root, definition.BaseConfig), run.Overrides, TestDisk.Files);
            Assert.Empty(ConfigValidation.Validate(config));
            if (config.Dqn.Redo.Selection == RecycleSelection.Fraction)
                Assert.Equal((long)(config.Run.Frames * config.Dqn.ReplayRatio), config.Redo.EndStep);
        }
        if (name == "selection")
            Assert.Equal(["cbp", "random", "redo", "redo_inverted"], plan.Runs.Select(r => ConfigLoader.Load(Path.Combine(root, definition.BaseConfig), r.Overrides, TestDisk.Files))
                .Where(c => c.Redo.Enabled).Select(c => ConfigName.Of(c.Dqn.Redo.ScoreType)).Distinct().Order());
        else
            foreach (var key in new[] { "Redo:Outgoing=random", "Redo:WeightScaling=true", "Agent:WidthMultiplier=2", "Agent:WidthMultiplier=4" })
                Assert.Contains(plan.Runs, r => r.Overrides.Contains(key));
    }
}
