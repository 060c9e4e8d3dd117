using System.Text.Json.Serialization;
using ReDo.Pure.Collections;
using ReDo.Pure.Games;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling;
using ReDo.Pure.Recycling.Variants;
using ReDo.Pure.Schedules;
namespace ReDo.Pure.Config;

// Every knob of a run, bound from configs/*.json (+ --set overrides) by the shell. Defaults are the
// MinAtar paper's DQN (Young & Tian 2019, examples/dqn.py); the shipped configs say which ones they change.

/// <summary>Section "Run".</summary>
public sealed record RunSettings
{
    /// <summary>
    /// The environment: a MinAtar game for Agent:Kind = dqn, a MuJoCo task for Agent:Kind = sac
    /// (<see cref="Games.Game"/>: one id over both, written by its word).
    /// </summary>
    public Game Game { get; init; } = Game.Of(GameId.Breakout);
    /// <summary>Environment frames = agent steps (MinAtar has no frame skip; a MuJoCo agent step is the task's frame skip of physics steps).</summary>
    public long Frames { get; init; } = 5_000_000;
    public int Seed { get; init; } = 0;
    /// <summary>libtorch intra-op threads (results depend on it; resume with the same count).</summary>
    public int Threads { get; init; } = 1;
    /// <summary>One metrics row every this many frames.</summary>
    public long LogEvery { get; init; } = 10_000;
    /// <summary>Episodes of the greedy evaluation at the end of training and in `redo evaluate`.</summary>
    public int EvalEpisodes { get; init; } = 10;
    /// <summary>A checkpoint every this many gradient steps (0 = only at the start, the end and on shutdown).</summary>
    public long CheckpointEvery { get; init; } = 50_000;
    /// <summary>Checkpoints kept in &lt;run&gt;/checkpoints (the newest ones; older ones are deleted).</summary>
    public int KeepCheckpoints { get; init; } = 3;
    /// <summary>Automatic resumes from the last good checkpoint after a native (libtorch) failure in one command (docs/long-runs.md).</summary>
    public int MaxRestarts { get; init; } = 3;
}

/// <summary>Section "Env": MinAtar's wrapper settings.</summary>
public sealed record EnvSettings
{
    public double StickyActionProbability { get; init; } = 0.1;
    public bool DifficultyRamping { get; init; } = true;
    public bool MinimalActionSet { get; init; } = false;
    /// <summary>Clip training rewards to [−1, 1] as Dopamine does (false: raw rewards, as the MinAtar DQN).</summary>
    public bool ClipRewards { get; init; } = false;
    /// <summary>
    /// Non-stationary play: comma-separated MinAtar games that take turns (e.g. "breakout,space_invaders,asterix,seaquest,freeway"),
    /// Run:Game being the first; null or empty = the one game of Run:Game. Left out of config.json when unset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Cycle { get; init; }
    /// <summary>Frames per game's turn in <see cref="Cycle"/>; 0 when there is no cycle (left out of config.json then).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long CyclePeriod { get; init; }
    /// <summary>The cycle <see cref="Cycle"/> and <see cref="CyclePeriod"/> describe, or null.</summary>
    public GameCycle? GameCycle() => ReDo.Pure.Games.GameCycle.Of(Cycle, CyclePeriod);
}

/// <summary>
/// The agent a run trains, with only its own settings: <see cref="DqnSettings"/> (DQN),
/// <see cref="DrqSettings"/> (DrQ(ε): DQN with DrQ's augmentation) or <see cref="Agents.SacSettings"/>
/// (SAC). In a config file Agent:Kind picks DQN or SAC (and Agent:Augment = shift DrQ(ε)); a key of
/// another agent is refused unless it holds its default, as every older config.json lists every key.
/// </summary>
public abstract record AgentSettings
{
    private protected AgentSettings() { }

    /// <summary>Agent:Kind, the word that picks this case in a config file.</summary>
    public abstract AgentKind Kind { get; }

    /// <summary>What Reset:Period counts for this agent: DQN's layers are reset every so many gradient steps, SAC's every so many environment steps (App. B).</summary>
    public abstract StepUnit ResetUnit { get; }

    /// <summary>DQN, DrQ(ε) or SAC, as reports name the agent.</summary>
    public abstract string Name { get; }

    /// <summary>Gradient updates per environment step (0.25, 0.5, 1, 2, 4 …): Agent:ReplayRatio, Sac:ReplayRatio.</summary>
    public abstract double ReplayRatio { get; init; }

    /// <summary>L2 added to the gradients (the paper's weight-decay baseline; 0 = off): Agent:WeightDecay, Sac:WeightDecay.</summary>
    public abstract double WeightDecay { get; init; }

    /// <summary>Scales the networks' hidden widths: Agent:WidthMultiplier, Sac:WidthMultiplier.</summary>
    public abstract double WidthMultiplier { get; init; }
}

/// <summary>
/// DQN on MinAtar (Agent:Kind = dqn): section Env (the MinAtar wrapper), the keys of section Agent,
/// and DQN's keys of section Redo (<see cref="DqnRedoSettings"/>).
/// </summary>
public record DqnSettings : AgentSettings
{
    public override AgentKind Kind => AgentKind.Dqn;
    public override StepUnit ResetUnit => StepUnit.GradientSteps;
    public override string Name => "DQN";
    /// <summary>Section "Env": MinAtar's wrapper.</summary>
    public EnvSettings Env { get; init; } = new();
    /// <summary>DQN's keys of section "Redo": the probe batch and the recycling variants.</summary>
    public DqnRedoSettings Redo { get; init; } = new();
    /// <summary>minatar (Conv 16 3×3 → 128 → |A|) or minatar-dueling (the same torso, advantage and value heads: DrQ(ε), docs/drq.md).</summary>
    public NetworkProfile Network { get; init; } = NetworkProfile.MinAtar;
    /// <summary>
    /// How every layer starts, and what ReDo and Reset redraw from: Profile (minatar: TorchDefault,
    /// nature: XavierUniform), TorchDefault (kernel and bias U(±1/√fan_in)) or XavierUniform (zero bias, Dopamine).
    /// </summary>
    public AgentInit Init { get; init; } = AgentInit.Profile;
    /// <summary>Gradient updates per environment step (0.25, 0.5, 1, 2, 4 …).</summary>
    public override double ReplayRatio { get; init; } = 1.0;
    public int BatchSize { get; init; } = 32;
    public double Discount { get; init; } = 0.99;
    /// <summary>n of the n-step return.</summary>
    public int UpdateHorizon { get; init; } = 1;
    public int ReplayCapacity { get; init; } = 100_000;
    /// <summary>Agent steps of uniform random play before the first update.</summary>
    public int MinReplayHistory { get; init; } = 5_000;
    /// <summary>Target ← online every this many agent steps.</summary>
    public int TargetUpdatePeriod { get; init; } = 1_000;
    public double EpsilonEnd { get; init; } = 0.1;
    public int EpsilonDecayPeriod { get; init; } = 100_000;
    public double EpsilonEval { get; init; } = 0.001;
    /// <summary>rmsprop (MinAtar paper: centered, α 0.95, ε 0.01) or adam (ReDo paper: ε 1.5e-4).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.RmsProp;
    public double LearningRate { get; init; } = 2.5e-4;
    public double AdamEpsilon { get; init; } = 1.5e-4;
    public double RmsAlpha { get; init; } = 0.95;
    public double RmsEpsilon { get; init; } = 0.01;
    public bool RmsCentered { get; init; } = true;
    /// <summary>L2 penalty added to the gradient (the paper's weight-decay baseline; 0 = off).</summary>
    public override double WeightDecay { get; init; } = 0.0;
    /// <summary>Double DQN targets (action from the online network, value from the target network), as DrQ(ε) (docs/specs/redo-algorithm.md §6.3).</summary>
    public bool DoubleDqn { get; init; } = false;
    /// <summary>
    /// Scales the MinAtar networks' hidden widths (Conv_0 16 and Dense_0 128 channels/units, rounded
    /// up), as the paper's width study (Fig. 12) scales the Nature CNN.
    /// </summary>
    public override double WidthMultiplier { get; init; } = 1.0;
}

/// <summary>
/// DrQ(ε) (Agent:Augment = shift): DQN with DrQ's random shift on s and s′ of every training batch,
/// scaled to 10×10 planes (docs/drq.md); the probe batch is never augmented. The shipped DrQ(ε)
/// configs also set Agent:DoubleDqn, the minatar-dueling network and n-step returns.
/// </summary>
public sealed record DrqSettings : DqnSettings
{
    public DrqSettings() { }

    /// <summary>DrQ's augmentation on <paramref name="dqn"/>'s settings.</summary>
    public DrqSettings(DqnSettings dqn) : base(dqn) { }

    public override string Name => "DrQ(ε)";
    /// <summary>
    /// DrQ's intensity noise scale: each augmented sample × (1 + scale·clip(N(0,1), −2, 2)). 0 = off (the
    /// default: on MinAtar's binary planes it carries no positional invariance, docs/drq.md); the reference's 0.05.
    /// </summary>
    public double IntensityNoise { get; init; } = 0.0;
}

/// <summary>
/// Section "Redo": recycling dormant neurons, and dormancy logging, as both agents read them. DQN's own
/// keys of the section are <see cref="DqnRedoSettings"/> (SAC scores its training batch of Sac:BatchSize
/// and recycles by threshold only).
/// </summary>
public sealed record RedoSettings
{
    public bool Enabled { get; init; } = false;
    public double Tau { get; init; } = 0.1;
    /// <summary>F: recycle every this many gradient steps.</summary>
    public long Period { get; init; } = 1_000;
    public long StartStep { get; init; } = 0;
    public long EndStep { get; init; } = long.MaxValue;
    /// <summary>Layer (incoming weights from the layer's own initialiser, the paper) or Xavier (the reference code's literal draw).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Redraw>))]
    public Redraw Redraw { get; init; } = Redraw.Layer;
    /// <summary>Dormancy (at τ = 0 and τ) is measured every this many gradient steps, ReDo on or off.</summary>
    public long LogPeriod { get; init; } = 1_000;
}

/// <summary>DQN's keys of section "Redo": the probe batch ReDo scores, the flatten mapping, and the recycling variants.</summary>
public sealed record DqnRedoSettings
{
    /// <summary>States sampled from the replay for each score (the paper's 64; SAC scores its training batch instead).</summary>
    public int ProbeSize { get; init; } = 64;
    /// <summary>ChannelsFirst (correct) or DopamineCompat (the reference's flatten mismatch).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<FlattenMapping>))]
    public FlattenMapping Mapping { get; init; } = FlattenMapping.ChannelsFirst;
    /// <summary>
    /// threshold (ReDo: every τ-dormant neuron) or fraction (the scheduled variant, paper Fig. 15:
    /// max(1, round(n·f)) neurons per layer ranked by <see cref="ScoreType"/>, f = RecycleRate ·
    /// cos(π/2 · step / EndStep)).
    /// </summary>
    public RecycleSelection Selection { get; init; } = RecycleSelection.Threshold;
    /// <summary>Ranking of the fraction selection: redo, random, redo_inverted or cbp.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ScoreType>))]
    public ScoreType ScoreType { get; init; } = ScoreType.Redo;
    /// <summary>The fraction recycled at step 0 by the fraction selection (paper: 0.1).</summary>
    public double RecycleRate { get; init; } = 0.1;
    /// <summary>zero (the paper) or random: a recycled neuron's outgoing weights redrawn from the consumer's initial distribution (Fig. 22).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<OutgoingInit>))]
    public OutgoingInit Outgoing { get; init; } = OutgoingInit.Zero;
    /// <summary>Rescale each recycled neuron's fresh incoming vector to the mean L2 norm of the layer's kept neurons' (App. C.2, Fig. 23).</summary>
    public bool WeightScaling { get; init; } = false;
}

/// <summary>Section "Reset": the periodic layer-reset baseline (the named layers; SAC's of actor and both critics).</summary>
public sealed record ResetSettings
{
    public bool Enabled { get; init; } = false;
    /// <summary>Reset every this many steps of the agent's <see cref="AgentSettings.ResetUnit"/>: gradient steps for DQN, environment steps for SAC.</summary>
    public long Period { get; init; } = 100_000;
    /// <summary>Layers to redraw: the paper's "penultimate layer" on Atari = the reference's Dense_0 + final_layer.</summary>
    public ValueList<string> Layers { get; init; } = ValueList.Of("Dense_0", "final_layer");
    /// <summary>Layer (kernel and bias from the layer's own initialiser) or Xavier (Xavier kernel, zero bias: the reference code).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Redraw>))]
    public Redraw Redraw { get; init; } = Redraw.Layer;
}

/// <summary>A whole run's configuration: the run, the agent with only its own settings, and the ReDo and Reset keys both agents read.</summary>
public sealed record ExperimentConfig
{
    public RunSettings Run { get; init; } = new();
    public AgentSettings Agent { get; init; } = new DqnSettings();
    public RedoSettings Redo { get; init; } = new();
    public ResetSettings Reset { get; init; } = new();

    /// <summary>DQN's (or DrQ(ε)'s) settings; a SAC config has none.</summary>
    public DqnSettings Dqn => Agent as DqnSettings ?? throw new InvalidOperationException($"a {Agent.Name} config has no DQN settings (Agent:Kind = {ConfigName.Of(Agent.Kind)})");

    /// <summary>SAC's settings; a DQN config has none.</summary>
    public Agents.SacSettings Sac => Agent as Agents.SacSettings ?? throw new InvalidOperationException($"a {Agent.Name} config has no SAC settings (Agent:Kind = {ConfigName.Of(Agent.Kind)})");

    // The sections only: Dqn and Sac are views of Agent, and one of them always throws.
    bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Run = {Run}, Agent = {Agent}, Redo = {Redo}, Reset = {Reset}");
        return true;
    }
}
