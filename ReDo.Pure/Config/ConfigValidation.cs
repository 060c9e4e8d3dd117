using ReDo.Pure.Agents;
using ReDo.Pure.Collections;
using ReDo.Pure.Games;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling.Variants;
using ReDo.Pure.Schedules;

namespace ReDo.Pure.Config;

/// <summary>Range and consistency checks of a bound configuration, each naming the key and what is allowed.</summary>
public static class ConfigValidation
{
    /// <summary>The layers SAC's Reset may name (each of actor, critic_1 and critic_2 has them: docs/sac.md).</summary>
    public static readonly ValueList<string> SacLayers = ["Dense_0", "Dense_1", "final_layer"];

    /// <summary>A MinAtar observation's channels and actions at their most (Seaquest's planes, all six actions): layer names do not depend on them.</summary>
    const int MinAtarChannels = 10, MinAtarActions = 6;

    static void CheckCycle(ExperimentConfig c, EnvSettings env, Action<bool, string, object?, string> check)
    {
        const string allowed = "comma-separated MinAtar games, at least two, none twice, Run:Game first (e.g. breakout,space_invaders,asterix,seaquest,freeway)";
        GameCycle? cycle;
        try { cycle = env.GameCycle(); }
        catch (Exception x) when (x is FormatException or ConfigException) { check(false, "Env:Cycle", env.Cycle, allowed); return; }
        check(cycle!.Games.Count >= 2 && cycle.Games.Distinct().Count() == cycle.Games.Count, "Env:Cycle", env.Cycle, allowed);
        check(c.Run.Game.MinAtar == cycle.Games[0], "Env:Cycle", env.Cycle, $"{allowed}; Run:Game is {c.Run.Game}");
        check(env.CyclePeriod >= 1, "Env:CyclePeriod", env.CyclePeriod, "≥ 1 frame per game's turn with Env:Cycle");
        check(!env.MinimalActionSet, "Env:MinimalActionSet", env.MinimalActionSet, "false with Env:Cycle (every game takes all 6 actions)");
    }

    public static IReadOnlyList<string> Validate(ExperimentConfig c)
    {
        var e = new List<string>();
        void Check(bool ok, string key, object? value, string allowed) { if (!ok) e.Add($"{key} = {value}: allowed {allowed}"); }

        // An unknown word is refused by the binder (Game.Parse names both lists); here only the agent must match.
        if (c.Agent is SacSettings)
            Check(c.Run.Game.Task is not null, "Run:Game", c.Run.Game, $"a MuJoCo task with Agent:Kind = sac: {Game.TaskNames} (MinAtar games need Agent:Kind = dqn)");
        else
            Check(c.Run.Game.MinAtar is not null, "Run:Game", c.Run.Game, $"{Game.MinAtarNames} (MuJoCo tasks need Agent:Kind = sac)");
        // TensorBoard's step is the frame count, and TorchSharp's SummaryWriter takes 32-bit steps (docs/metrics.md).
        Check(c.Run.Frames is > 0 and <= int.MaxValue, "Run:Frames", c.Run.Frames, $"1 … {int.MaxValue}");
        Check(c.Run.Seed >= 0, "Run:Seed", c.Run.Seed, "≥ 0");
        Check(c.Run.Threads is >= 1 and <= 256, "Run:Threads", c.Run.Threads, "1 … 256");
        Check(c.Run.LogEvery > 0, "Run:LogEvery", c.Run.LogEvery, "> 0");
        Check(c.Run.EvalEpisodes >= 0, "Run:EvalEpisodes", c.Run.EvalEpisodes, "≥ 0");
        Check(c.Run.CheckpointEvery >= 0, "Run:CheckpointEvery", c.Run.CheckpointEvery, "≥ 0 gradient steps (0 = only at start, end and shutdown)");
        Check(c.Run.MaxRestarts is >= 0 and <= 100, "Run:MaxRestarts", c.Run.MaxRestarts, "0 … 100 (0 = a native failure ends the command)");
        Check(c.Run.KeepCheckpoints is >= 1 and <= 1000, "Run:KeepCheckpoints", c.Run.KeepCheckpoints, "1 … 1000 (2 or more lets a corrupted newest checkpoint fall back to an older one)");

        Check(c.Redo.Tau >= 0 && double.IsFinite(c.Redo.Tau), "Redo:Tau", c.Redo.Tau, "a finite number ≥ 0");
        Check(c.Redo.Period >= 1, "Redo:Period", c.Redo.Period, "≥ 1 gradient step");
        Check(c.Redo.StartStep >= 0, "Redo:StartStep", c.Redo.StartStep, "≥ 0 gradient steps");
        Check(c.Redo.EndStep > c.Redo.StartStep, "Redo:EndStep", c.Redo.EndStep, $"> Redo:StartStep ({c.Redo.StartStep})");
        Check(c.Redo.LogPeriod >= 1, "Redo:LogPeriod", c.Redo.LogPeriod, "≥ 1 gradient step");

        Check(c.Reset.Period >= 1, "Reset:Period", c.Reset.Period, $"≥ 1 {c.Agent.ResetUnit.Words(1)} ({c.Agent.Name} resets every so many {c.Agent.ResetUnit.Words()})");
        Check(c.Reset.Layers.Count > 0, "Reset:Layers", "[]", "at least one layer name");
        Check(!(c.Reset.Enabled && c.Redo.Enabled), "Reset:Enabled", c.Reset.Enabled, "false while Redo:Enabled is true (the paper compares them, never combines them)");

        switch (c.Agent)
        {
            case DqnSettings dqn:
                ValidateDqn(c, dqn, Check);
                break;
            case SacSettings sac:
                Check(c.Reset.Layers.All(SacLayers.Contains) && c.Reset.Layers.Distinct().Count() == c.Reset.Layers.Count, "Reset:Layers", $"[{string.Join(", ", c.Reset.Layers)}]",
                    $"distinct names of SAC's layers ({string.Join(", ", SacLayers)}: every one for the paper's full reset)");
                e.AddRange(ValidateSac(sac));
                break;
        }
        if (c.Agent is DqnSettings d && c.Reset.Enabled && e.Count == 0)
        {
            // The names the agent would refuse at its start (after the run folder is made), known from the profile alone.
            var layers = NetworkCatalog.For(d.Network, MinAtarChannels, MinAtarActions, d.WidthMultiplier).Layers.Select(l => l.Name).ToList();
            Check(c.Reset.Layers.All(layers.Contains), "Reset:Layers", $"[{string.Join(", ", c.Reset.Layers)}]",
                $"names of the {ConfigName.Of(d.Network)} network's layers: {string.Join(", ", layers)}");
        }
        return e;
    }

    /// <summary>The checks of DQN's and DrQ(ε)'s keys: sections Env and Agent, and DQN's keys of section Redo.</summary>
    static void ValidateDqn(ExperimentConfig c, DqnSettings a, Action<bool, string, object?, string> Check)
    {
        var env = a.Env;
        Check(env.StickyActionProbability is >= 0 and <= 1, "Env:StickyActionProbability", env.StickyActionProbability, "0 … 1");
        if (!string.IsNullOrWhiteSpace(env.Cycle)) CheckCycle(c, env, Check);
        else Check(env.CyclePeriod == 0, "Env:CyclePeriod", env.CyclePeriod, "0 without Env:Cycle (set the games that take turns)");

        // Enum-typed keys (Kind, Init, Network, Optimizer, Augment, Mapping, Redraw, Selection, ScoreType, Outgoing) are checked by the binder, which names the valid words (ConfigName).
        Check(a.Network is NetworkProfile.MinAtar or NetworkProfile.MinAtarDueling or NetworkProfile.MinAtarDeep, "Agent:Network", ConfigName.Of(a.Network),
            "minatar, minatar-dueling or minatar-deep for MinAtar's 10×10 frames (the Nature CNNs need 84×84×4 Atari frames, which this project cannot produce; the MLP takes vectors)");
        Check(ReplayRatio.IsRealisable(a.ReplayRatio), "Agent:ReplayRatio", a.ReplayRatio, "a whole number ≥ 1 or 1/n (… 0.25, 0.5, 1, 2, 4 …)");
        Check(a.BatchSize is >= 1 and <= 4096, "Agent:BatchSize", a.BatchSize, "1 … 4096");
        Check(a.Discount is >= 0 and <= 1, "Agent:Discount", a.Discount, "0 … 1");
        Check(a.UpdateHorizon is >= 1 and <= 100, "Agent:UpdateHorizon", a.UpdateHorizon, "1 … 100");
        Check(a.ReplayCapacity >= Math.Max(a.BatchSize, a.UpdateHorizon + 1), "Agent:ReplayCapacity", a.ReplayCapacity, "≥ the batch size and > the update horizon");
        Check(a.MinReplayHistory >= a.UpdateHorizon + 1, "Agent:MinReplayHistory", a.MinReplayHistory, "> Agent:UpdateHorizon");
        Check(a.MinReplayHistory <= a.ReplayCapacity, "Agent:MinReplayHistory", a.MinReplayHistory, $"≤ Agent:ReplayCapacity ({a.ReplayCapacity})");
        Check(a.TargetUpdatePeriod >= 1, "Agent:TargetUpdatePeriod", a.TargetUpdatePeriod, "≥ 1");
        Check(a.EpsilonEnd is >= 0 and <= 1, "Agent:EpsilonEnd", a.EpsilonEnd, "0 … 1");
        Check(a.EpsilonDecayPeriod >= 0, "Agent:EpsilonDecayPeriod", a.EpsilonDecayPeriod, "≥ 0");
        Check(a.EpsilonEval is >= 0 and <= 1, "Agent:EpsilonEval", a.EpsilonEval, "0 … 1");
        Check(a.LearningRate is > 0 and < 10, "Agent:LearningRate", a.LearningRate, "0 < lr < 10");
        Check(a.AdamEpsilon > 0 && double.IsFinite(a.AdamEpsilon), "Agent:AdamEpsilon", a.AdamEpsilon, "a finite number > 0");
        Check(a.RmsAlpha is > 0 and < 1, "Agent:RmsAlpha", a.RmsAlpha, "0 < α < 1");
        Check(a.RmsEpsilon > 0 && double.IsFinite(a.RmsEpsilon), "Agent:RmsEpsilon", a.RmsEpsilon, "a finite number > 0");
        if (a is DrqSettings drq)
            Check(drq.IntensityNoise is >= 0 and <= IntensityNoise.MaxScale, "Agent:IntensityNoise", drq.IntensityNoise,
                $"0 … {IntensityNoise.MaxScale} (0 = off; the reference DrQ's {IntensityNoise.ReferenceScale}; factors stay in [1 − 2·scale, 1 + 2·scale])");
        Check(a.WeightDecay >= 0 && double.IsFinite(a.WeightDecay), "Agent:WeightDecay", a.WeightDecay, "a finite number ≥ 0");
        Check(a.WidthMultiplier is > 0 and <= 16, "Agent:WidthMultiplier", a.WidthMultiplier, "0 < m ≤ 16 (the paper's width study uses 1, 2, 4)");

        var r = a.Redo;
        Check(r.ProbeSize is >= 1 and <= 65_536, "Redo:ProbeSize", r.ProbeSize, "1 … 65536");
        Check(r.ProbeSize <= a.MinReplayHistory, "Redo:ProbeSize", r.ProbeSize, $"≤ Agent:MinReplayHistory ({a.MinReplayHistory})");
        Check(r.RecycleRate is >= 0 and <= 1, "Redo:RecycleRate", r.RecycleRate, "0 … 1");
        Check(r.Selection != RecycleSelection.Fraction || c.Redo.EndStep < long.MaxValue, "Redo:EndStep", "∞",
            "a finite gradient step with Redo:Selection = fraction: the cosine schedule falls to 0 there (set it to the run's gradient steps, about Run:Frames × Agent:ReplayRatio)");
    }

    /// <summary>The checks of section "Sac" (Agent:Kind = sac), each naming its key.</summary>
    public static IReadOnlyList<string> ValidateSac(SacSettings s)
    {
        var e = new List<string>();
        void Check(bool ok, string key, object? value, string allowed) { if (!ok) e.Add($"Sac:{key} = {value}: allowed {allowed}"); }
        Check(s.WidthMultiplier is >= 1.0 / 256 and <= 16, "WidthMultiplier", s.WidthMultiplier, "1/256 … 16 (Table 6: 0.25, 0.5, 1; 1 = hidden layers of 256)");
        Check(s.ActorLearningRate is > 0 and < 10, "ActorLearningRate", s.ActorLearningRate, "0 < lr < 10");
        Check(s.CriticLearningRate is > 0 and < 10, "CriticLearningRate", s.CriticLearningRate, "0 < lr < 10");
        Check(s.AlphaLearningRate is > 0 and < 10, "AlphaLearningRate", s.AlphaLearningRate, "0 < lr < 10");
        Check(s.Discount is >= 0 and <= 1, "Discount", s.Discount, "0 … 1");
        Check(s.TargetSmoothing is > 0 and <= 1, "TargetSmoothing", s.TargetSmoothing, "0 < τ ≤ 1 (1 copies the critics every step)");
        Check(s.RewardScale > 0 && double.IsFinite(s.RewardScale), "RewardScale", s.RewardScale, "a finite number > 0 (it multiplies the reward in the TD target)");
        Check(s.BatchSize is >= 1 and <= 65_536, "BatchSize", s.BatchSize, "1 … 65536");
        Check(s.ReplayCapacity >= s.BatchSize, "ReplayCapacity", s.ReplayCapacity, $"≥ Sac:BatchSize ({s.BatchSize})");
        Check(s.InitialRandomSteps >= 0, "InitialRandomSteps", s.InitialRandomSteps, "≥ 0 environment steps");
        Check(ReplayRatio.IsRealisable(s.ReplayRatio), "ReplayRatio", s.ReplayRatio, "a whole number ≥ 1 or 1/n (… 0.25, 0.5, 1, 2, 4 …)");
        Check(double.IsFinite(s.InitialLogAlpha) && Math.Abs(s.InitialLogAlpha) <= 20, "InitialLogAlpha", s.InitialLogAlpha, "−20 … 20");
        Check(s.WeightDecay >= 0 && double.IsFinite(s.WeightDecay), "WeightDecay", s.WeightDecay, "a finite number ≥ 0");
        Check(s.EvalPeriod >= 0, "EvalPeriod", s.EvalPeriod, "≥ 0 environment steps (0 = no evaluation during training)");
        Check(s.EvalEpisodes is >= 1 and <= 10_000, "EvalEpisodes", s.EvalEpisodes, "1 … 10000");
        return e;
    }
}
