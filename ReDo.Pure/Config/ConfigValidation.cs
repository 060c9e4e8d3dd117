using ReDo.Pure.Agents;
using ReDo.Pure.Collections;
using ReDo.Pure.Games;
using ReDo.Pure.Networks;
using ReDo.Pure.Recycling.Variants;

namespace ReDo.Pure.Config;

/// <summary>Range and consistency checks of a bound configuration, each naming the key and what is allowed.</summary>
public static class ConfigValidation
{
    /// <summary>The layers SAC's Reset may name (each of actor, critic_1 and critic_2 has them: docs/sac.md).</summary>
    public static readonly ValueList<string> SacLayers = ["Dense_0", "Dense_1", "final_layer"];

    /// <summary>A MinAtar observation's channels and actions at their most (Seaquest's planes, all six actions): layer names do not depend on them.</summary>
    const int MinAtarChannels = 10, MinAtarActions = 6;

    static void CheckCycle(ExperimentConfig c, Action<bool, string, object?, string> check)
    {
        const string allowed = "comma-separated MinAtar games, at least two, none twice, Run:Game first (e.g. breakout,space_invaders,asterix,seaquest,freeway)";
        GameCycle? cycle;
        try { cycle = c.Env.GameCycle(); }
        catch (Exception x) when (x is FormatException or ConfigException) { check(false, "Env:Cycle", c.Env.Cycle, allowed); return; }
        check(c.Agent.Kind == AgentKind.Dqn, "Env:Cycle", c.Env.Cycle, "only with Agent:Kind = dqn (MinAtar)");
        check(cycle!.Games.Count >= 2 && cycle.Games.Distinct().Count() == cycle.Games.Count, "Env:Cycle", c.Env.Cycle, allowed);
        check(c.Run.Game.MinAtar == cycle.Games[0], "Env:Cycle", c.Env.Cycle, $"{allowed}; Run:Game is {c.Run.Game}");
        check(c.Env.CyclePeriod >= 1, "Env:CyclePeriod", c.Env.CyclePeriod, "≥ 1 frame per game's turn with Env:Cycle");
        check(!c.Env.MinimalActionSet, "Env:MinimalActionSet", c.Env.MinimalActionSet, "false with Env:Cycle (every game takes all 6 actions)");
    }

    public static IReadOnlyList<string> Validate(ExperimentConfig c)
    {
        var e = new List<string>();
        void Check(bool ok, string key, object? value, string allowed) { if (!ok) e.Add($"{key} = {value}: allowed {allowed}"); }
        bool sac = c.Agent.Kind == AgentKind.Sac;

        // An unknown word is refused by the binder (Game.Parse names both lists); here only the agent must match.
        if (sac)
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

        Check(c.Env.StickyActionProbability is >= 0 and <= 1, "Env:StickyActionProbability", c.Env.StickyActionProbability, "0 … 1");
        if (!string.IsNullOrWhiteSpace(c.Env.Cycle)) CheckCycle(c, Check);
        else Check(c.Env.CyclePeriod == 0, "Env:CyclePeriod", c.Env.CyclePeriod, "0 without Env:Cycle (set the games that take turns)");

        // Enum-typed keys (Kind, Init, Network, Optimizer, Augment, Mapping, Redraw, Selection, ScoreType, Outgoing) are checked by the binder, which names the valid words (ConfigName).
        Check(c.Agent.Network is NetworkProfile.MinAtar or NetworkProfile.MinAtarDueling or NetworkProfile.MinAtarDeep, "Agent:Network", ConfigName.Of(c.Agent.Network),
            "minatar, minatar-dueling or minatar-deep for MinAtar's 10×10 frames (the Nature CNNs need 84×84×4 Atari frames, which this project cannot produce; the MLP takes vectors)");
        Check(ReplayRatio.IsRealisable(c.Agent.ReplayRatio), "Agent:ReplayRatio", c.Agent.ReplayRatio, "a whole number ≥ 1 or 1/n (… 0.25, 0.5, 1, 2, 4 …)");
        Check(c.Agent.BatchSize is >= 1 and <= 4096, "Agent:BatchSize", c.Agent.BatchSize, "1 … 4096");
        Check(c.Agent.Discount is >= 0 and <= 1, "Agent:Discount", c.Agent.Discount, "0 … 1");
        Check(c.Agent.UpdateHorizon is >= 1 and <= 100, "Agent:UpdateHorizon", c.Agent.UpdateHorizon, "1 … 100");
        Check(c.Agent.ReplayCapacity >= Math.Max(c.Agent.BatchSize, c.Agent.UpdateHorizon + 1), "Agent:ReplayCapacity", c.Agent.ReplayCapacity, "≥ the batch size and > the update horizon");
        Check(c.Agent.MinReplayHistory >= c.Agent.UpdateHorizon + 1, "Agent:MinReplayHistory", c.Agent.MinReplayHistory, "> Agent:UpdateHorizon");
        Check(c.Agent.MinReplayHistory <= c.Agent.ReplayCapacity, "Agent:MinReplayHistory", c.Agent.MinReplayHistory, $"≤ Agent:ReplayCapacity ({c.Agent.ReplayCapacity})");
        Check(c.Agent.TargetUpdatePeriod >= 1, "Agent:TargetUpdatePeriod", c.Agent.TargetUpdatePeriod, "≥ 1");
        Check(c.Agent.EpsilonEnd is >= 0 and <= 1, "Agent:EpsilonEnd", c.Agent.EpsilonEnd, "0 … 1");
        Check(c.Agent.EpsilonDecayPeriod >= 0, "Agent:EpsilonDecayPeriod", c.Agent.EpsilonDecayPeriod, "≥ 0");
        Check(c.Agent.EpsilonEval is >= 0 and <= 1, "Agent:EpsilonEval", c.Agent.EpsilonEval, "0 … 1");
        Check(c.Agent.LearningRate is > 0 and < 10, "Agent:LearningRate", c.Agent.LearningRate, "0 < lr < 10");
        Check(c.Agent.AdamEpsilon > 0 && double.IsFinite(c.Agent.AdamEpsilon), "Agent:AdamEpsilon", c.Agent.AdamEpsilon, "a finite number > 0");
        Check(c.Agent.RmsAlpha is > 0 and < 1, "Agent:RmsAlpha", c.Agent.RmsAlpha, "0 < α < 1");
        Check(c.Agent.RmsEpsilon > 0 && double.IsFinite(c.Agent.RmsEpsilon), "Agent:RmsEpsilon", c.Agent.RmsEpsilon, "a finite number > 0");
        Check(c.Agent.IntensityNoise is >= 0 and <= IntensityNoise.MaxScale, "Agent:IntensityNoise", c.Agent.IntensityNoise,
            $"0 … {IntensityNoise.MaxScale} (0 = off; the reference DrQ's {IntensityNoise.ReferenceScale}; factors stay in [1 − 2·scale, 1 + 2·scale])");
        Check(c.Agent.IntensityNoise == 0 || c.Agent.Augment == Augmentation.Shift, "Agent:IntensityNoise", c.Agent.IntensityNoise,
            "0 unless Agent:Augment = shift (the noise is part of DrQ's augmentation of training batches)");
        Check(c.Agent.WeightDecay >= 0 && double.IsFinite(c.Agent.WeightDecay), "Agent:WeightDecay", c.Agent.WeightDecay, "a finite number ≥ 0");
        Check(c.Agent.WidthMultiplier is > 0 and <= 16, "Agent:WidthMultiplier", c.Agent.WidthMultiplier, "0 < m ≤ 16 (the paper's width study uses 1, 2, 4)");

        Check(c.Redo.Tau >= 0 && double.IsFinite(c.Redo.Tau), "Redo:Tau", c.Redo.Tau, "a finite number ≥ 0");
        Check(c.Redo.Period >= 1, "Redo:Period", c.Redo.Period, "≥ 1 gradient step");
        Check(c.Redo.ProbeSize is >= 1 and <= 65_536, "Redo:ProbeSize", c.Redo.ProbeSize, "1 … 65536");
        Check(sac || c.Redo.ProbeSize <= c.Agent.MinReplayHistory, "Redo:ProbeSize", c.Redo.ProbeSize, $"≤ Agent:MinReplayHistory ({c.Agent.MinReplayHistory})");
        Check(c.Redo.StartStep >= 0, "Redo:StartStep", c.Redo.StartStep, "≥ 0 gradient steps");
        Check(c.Redo.EndStep > c.Redo.StartStep, "Redo:EndStep", c.Redo.EndStep, $"> Redo:StartStep ({c.Redo.StartStep})");
        Check(c.Redo.LogPeriod >= 1, "Redo:LogPeriod", c.Redo.LogPeriod, "≥ 1 gradient step");
        Check(c.Redo.RecycleRate is >= 0 and <= 1, "Redo:RecycleRate", c.Redo.RecycleRate, "0 … 1");
        Check(c.Redo.Selection != RecycleSelection.Fraction || c.Redo.EndStep < long.MaxValue, "Redo:EndStep", "∞",
            "a finite gradient step with Redo:Selection = fraction: the cosine schedule falls to 0 there (set it to the run's gradient steps, about Run:Frames × Agent:ReplayRatio)");

        Check(c.Reset.Period >= 1, "Reset:Period", c.Reset.Period, "≥ 1 gradient step");
        Check(c.Reset.Layers.Count > 0, "Reset:Layers", "[]", "at least one layer name");
        Check(!(c.Reset.Enabled && c.Redo.Enabled), "Reset:Enabled", c.Reset.Enabled, "false while Redo:Enabled is true (the paper compares them, never combines them)");
        if (sac)
        {
            Check(c.Reset.Layers.All(SacLayers.Contains) && c.Reset.Layers.Distinct().Count() == c.Reset.Layers.Count, "Reset:Layers", $"[{string.Join(", ", c.Reset.Layers)}]",
                $"distinct names of SAC's layers ({string.Join(", ", SacLayers)}: every one for the paper's full reset)");
            e.AddRange(ValidateSac(c.Sac));
        }
        else if (c.Reset.Enabled && e.Count == 0)
        {
            // The names the agent would refuse at its start (after the run folder is made), known from the profile alone.
            var layers = NetworkCatalog.For(c.Agent.Network, MinAtarChannels, MinAtarActions, c.Agent.WidthMultiplier).Layers.Select(l => l.Name).ToList();
            Check(c.Reset.Layers.All(layers.Contains), "Reset:Layers", $"[{string.Join(", ", c.Reset.Layers)}]",
                $"names of the {ConfigName.Of(c.Agent.Network)} network's layers: {string.Join(", ", layers)}");
        }
        return e;
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
