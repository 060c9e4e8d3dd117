using System.Text.Json.Nodes;
using ReDo.Pure;
using ReDo.Pure.Agents;
using ReDo.Pure.Config;
using ReDo.Shell.Config;
using Xunit;

namespace ReDo.Properties.Examples.Config;

/// <summary>
/// The agent section is a union (DQN | DrQ(ε) | SAC): each agent reads only its own keys, a key of
/// another agent is refused unless it holds its default (older config.json files list every key), a
/// run's config.json lists only its agent's keys, and Reset:Period is read in the agent's unit.
/// </summary>
public class AgentSettingsExamples
{
    static string Configs => Path.Combine(RepoRoot.Find(), "configs");

    static ExperimentConfig Load(string file, params string[] set) => ConfigLoader.Load(Path.Combine(Configs, file), set, TestDisk.Files);

    [Theory]
    [InlineData("minatar-breakout-dqn.json", typeof(DqnSettings))]
    [InlineData("minatar-breakout-drq-redo.json", typeof(DrqSettings))]
    [InlineData("mujoco-hopper-sac-redo.json", typeof(SacSettings))]
    public void Agent_kind_and_augment_pick_the_agent(string file, Type agent) => Assert.IsType(agent, Load(file).Agent);

    [Theory]
    [InlineData("mujoco-hopper-sac.json", "Agent:ReplayRatio=4", "Agent:ReplayRatio = 4: allowed only its default (1) in a SAC config: it is a setting of DQN and DrQ(ε); remove it, or set Agent:Kind = dqn")]
    [InlineData("mujoco-hopper-sac.json", "Redo:ProbeSize=32", "Redo:ProbeSize = 32: allowed only its default (64) in a SAC config: it is a setting of DQN and DrQ(ε)")]
    [InlineData("mujoco-hopper-sac.json", "Redo:Selection=fraction", "Redo:Selection = fraction: allowed only its default (threshold) in a SAC config")]
    [InlineData("mujoco-hopper-sac.json", "Env:StickyActionProbability=0", "Env:StickyActionProbability = 0: allowed only its default (0.1) in a SAC config")]
    [InlineData("mujoco-hopper-sac.json", "Agent:Augment=shift", "Agent:Augment = shift: allowed only its default (none) in a SAC config")]
    [InlineData("minatar-breakout-dqn.json", "Sac:ReplayRatio=2", "Sac:ReplayRatio = 2: allowed only its default (1) in a DQN config: it is a setting of SAC; remove it, or set Agent:Kind = sac")]
    [InlineData("minatar-breakout-dqn.json", "Agent:IntensityNoise=0.05", "Agent:IntensityNoise = 0.05: allowed only its default (0) in a DQN config: it is a setting of DrQ(ε); remove it, or set Agent:Augment = shift")]
    public void A_key_of_another_agent_is_refused_naming_its_agent_and_how_to_pick_it(string file, string set, string message) =>
        Assert.Contains(message, Assert.Throws<ConfigException>(() => Load(file, set)).Message);

    [Fact]
    public void A_key_of_another_agent_at_its_default_loads_as_every_older_config_json_lists_every_key()
    {
        var sac = Load("mujoco-hopper-sac.json");
        Assert.Equal(sac, Load("mujoco-hopper-sac.json", "Agent:ReplayRatio=1", "Redo:ProbeSize=64", "Env:ClipRewards=false", "Agent:Augment=none", "Agent:Init=Profile"));
        var dqn = Load("minatar-breakout-dqn.json");
        Assert.Equal(dqn, Load("minatar-breakout-dqn.json", "Sac:ReplayRatio=1", "Sac:BatchSize=256", "Agent:IntensityNoise=0"));
    }

    [Theory]
    [InlineData("minatar-breakout-dqn-redo.json")]
    [InlineData("minatar-breakout-drq-redo.json")]
    [InlineData("mujoco-hopper-sac-reset.json")]
    public void A_written_config_json_lists_only_its_agent_s_keys(string file)
    {
        var config = Load(file);
        var json = JsonNode.Parse(ConfigLoader.ToJson(config))!.AsObject();
        var written = json.SelectMany(section => section.Value!.AsObject().Select(k => $"{section.Key}:{k.Key}")).ToList();
        Assert.All(written, key => Assert.True(ConfigSections.GroupOf(key)!.Owns(config.Agent), $"{key} is not {config.Agent.Name}'s"));
        // And every key it owns, so that the file shows the run's whole configuration.
        var owned = ConfigSections.Groups.Where(g => g.Owns(config.Agent)).SelectMany(g => g.QualifiedKeys).Where(k => k != "Env:Cycle" && k != "Env:CyclePeriod");
        Assert.Equal(owned.Order(), written.Where(k => k is not ("Env:Cycle" or "Env:CyclePeriod")).Order());
        Assert.Equal(config is { Agent: SacSettings }, json.ContainsKey("Sac"));
        Assert.Equal(config is { Agent: DqnSettings }, json.ContainsKey("Env"));
    }

    [Fact]
    public void Reset_period_is_read_in_the_agent_s_unit()
    {
        Assert.Contains("Reset every 200,000 environment steps", ConfigSummary.Describe(Load("mujoco-hopper-sac-reset.json")));
        Assert.Contains("Reset every 100,000 gradient steps", ConfigSummary.Describe(Load("minatar-breakout-dqn-reset.json")));
        Assert.Contains("Reset:Period = 0: allowed ≥ 1 environment step", Assert.Throws<ConfigException>(() => Load("mujoco-hopper-sac-reset.json", "Reset:Period=0")).Message);
        Assert.Contains("Reset:Period = 0: allowed ≥ 1 gradient step", Assert.Throws<ConfigException>(() => Load("minatar-breakout-dqn-reset.json", "Reset:Period=0")).Message);
    }
}
