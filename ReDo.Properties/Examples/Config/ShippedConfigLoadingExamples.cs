using System.Text.Json;
using ReDo.Pure.Config;
using ReDo.Pure.Experiments;
using ReDo.Pure.Runs;
using ReDo.Shell.Config;
using ReDo.Shell.Experiments;
using ReDo.Shell.Files;
using ReDo.Shell.Runs;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>
/// Every config the project ships still loads: configs/*.json, every run spec the experiment files of
/// configs/experiments expand into (each size), and every run folder's config.json under docs/ (what
/// `redo resume`, `evaluate` and `report` read back). Each loaded config also survives being written
/// as a new run's config.json and read again, so a run started today resumes tomorrow.
/// </summary>
public class ShippedConfigLoadingExamples
{
    static readonly string Root = RepoRoot.Find();

    static string Relative(string path) => Path.GetRelativePath(Root, path);

    public static TheoryData<string> Configs() =>
        [.. Directory.GetFiles(Path.Combine(Root, "configs"), "*.json").Order().Select(Relative)];

    public static TheoryData<string> Experiments() =>
        [.. Directory.GetFiles(Path.Combine(Root, "configs", "experiments"), "*.json").Order().Select(Relative)];

    /// <summary>docs/results/&lt;experiment&gt;/runs/&lt;run&gt;/config.json and docs/example-run's, when it has one.</summary>
    public static TheoryData<string> RunFolderConfigs()
    {
        var results = Directory.GetDirectories(Path.Combine(Root, "docs", "results"))
            .Select(e => Path.Combine(e, "runs")).Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories);
        return [.. results.Append(Path.Combine(Root, "docs", "example-run"))
            .Select(run => Path.Combine(run, RunLayout.Config)).Where(File.Exists).Order().Select(Relative)];
    }

    static void ReadsBackWhatItWrites(ExperimentConfig config, string source) =>
        Assert.Equal(config, ConfigLoader.LoadJson(ConfigLoader.ToJson(config), [], source + " (written again)"));

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_shipped_config_loads_and_reads_back_what_it_writes(string file)
    {
        var config = ConfigLoader.Load(Path.Combine(Root, file), [], TestDisk.Files);
        ReadsBackWhatItWrites(config, file);
    }

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Every_run_spec_of_every_experiment_size_loads(string file)
    {
        var definition = ExperimentFiles.Load(TestDisk.Files, Path.Combine(Root, file));
        var baseConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, definition.BaseConfig))).RootElement.Clone();
        int runs = 0;
        foreach (var size in definition.Sizes.Keys)
            foreach (var run in ExperimentPlanner.Plan(definition, size).Runs)
            {
                var settled = RunSpecFiles.Settled(new RunSpec(run.Name, definition.BaseConfig, baseConfig, [.. run.Overrides], run.Seed));
                // A settled spec (what a queue holds) resolves to the same run as its base config and overrides.
                Assert.Equal(RunSpecFiles.Resolve(settled), RunSpecFiles.Resolve(settled with { Config = baseConfig }));
                runs++;
            }
        Assert.True(runs > 0, $"{file} plans no runs");
    }

    [Fact]
    public void The_shipped_run_folders_are_there_to_be_checked() =>
        Assert.True(RunFolderConfigs().Count >= 10, $"only {RunFolderConfigs().Count} run folders with a config.json under docs/results");

    [Theory]
    [MemberData(nameof(RunFolderConfigs))]
    public void Every_shipped_run_folder_config_loads_and_reads_back_what_it_writes(string file)
    {
        var path = Path.Combine(Root, file);
        var config = ConfigLoader.LoadJson(File.ReadAllText(path), [], path);
        ReadsBackWhatItWrites(config, file);
    }
}
